// Lint for the whole repository: recommended rules for JS, TS and Svelte, plus the import
// boundaries that keep each process in its lane (VS Code's layer rule, GitHub Desktop's IPC rule):
//  - src-main/common: pure code both sides share; no Node, no Electron, nothing outside common.
//  - src-renderer: the page; no Electron, no Node, nothing from src-main but src-main/common.
//  - src-main outside the Electron glue (src-main/electron, src-main/index.ts): no Electron values,
//    so the core runs and is tested in plain Node (type imports are fine).
//  - ipcMain only in src-main/electron/ipc-*.ts; ipcRenderer and contextBridge only in src-preload.
//  - Layers inside src-main (VS Code's code-layering): common, then api and settings, then session
//    and quota, then core, then the Electron glue, then index.ts. A file may import its own layer
//    and those below, never one above; only index.ts reaches the sandbox (and injects it).
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ipcMainRule = {
  path: {
    name: 'electron',
    importNames: ['ipcMain'],
    message: 'Only src-main/electron/ipc-*.ts registers IPC handlers (see ipc-bridge.ts).',
  },
  // `electron.ipcMain` through a namespace or default import would slip past the import rule.
  syntax: {
    selector: 'MemberExpression[property.name="ipcMain"]',
    message: 'Only src-main/electron/ipc-*.ts uses ipcMain.',
  },
};
const preloadOnlyRule = {
  path: {
    name: 'electron',
    importNames: ['ipcRenderer', 'contextBridge'],
    message: 'Only src-preload talks to ipcRenderer and contextBridge.',
  },
  syntax: {
    selector: 'MemberExpression[property.name=/^(ipcRenderer|contextBridge)$/]',
    message: 'Only src-preload uses ipcRenderer and contextBridge.',
  },
};

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'events',
  'zlib',
];
const commonPatterns = [
  {
    group: [...nodeBuiltins, 'electron', 'electron/*'],
    message: 'src-main/common is shared with the renderer: no Node or Electron.',
  },
  { group: ['../*'], message: 'src-main/common may import only from src-main/common.' },
];
const rendererPatterns = [
  {
    group: [...nodeBuiltins, 'electron', 'electron/*'],
    message:
      'The renderer is a sandboxed web page: it reaches main only through window.greencloud.',
  },
  {
    regex: 'src-main/(?!common/)',
    message: 'The renderer may import only src-main/common from the main side.',
  },
  {
    regex: '(^|/)src-preload/',
    message: 'The renderer gets the bridge from window.greencloud, not from the preload source.',
  },
];
const coreElectronPattern = {
  group: ['electron', 'electron/*'],
  allowTypeImports: true,
  message:
    'Electron belongs to src-main/electron (the glue): pass what the core needs in as an argument.',
};

// Lowest first. `update` (the pure update policy) sits with session and quota, below core.
const mainLayers = [
  ['common'],
  ['api', 'settings'],
  ['session', 'quota', 'update'],
  ['core'],
  ['electron'],
];

/** The imports a src-main folder may not make: any folder of a higher layer, index.ts, the sandbox. */
function layerPatterns(folder) {
  const level = mainLayers.findIndex((layer) => layer.includes(folder));
  const above = mainLayers.slice(level + 1).flat();
  const patterns = [
    {
      regex: '^(\\.\\./)+index(\\.[jt]s)?$',
      message: 'Nothing imports src-main/index.ts: it is the top of the main process.',
    },
    {
      regex: '^(\\.\\./)+sandbox(/|$)',
      message: 'Only src-main/index.ts starts the sandbox: take what you need as an argument.',
    },
  ];
  if (above.length > 0) {
    patterns.unshift({
      regex: `^(\\.\\./)+(${above.join('|')})(/|$)`,
      message: `src-main/${folder} is below ${above.join(', ')} (see eslint.config.js): an upward import is a design question, not a shortcut.`,
    });
  }
  return patterns;
}

/** One area's import and syntax restrictions (a later config block replaces, not merges, them). */
function restrictions({ ipcMain = true, preloadOnly = true, patterns = [] }) {
  const rules = [ipcMain && ipcMainRule, preloadOnly && preloadOnlyRule].filter(Boolean);
  return {
    'no-restricted-imports': 'off',
    '@typescript-eslint/no-restricted-imports': [
      'error',
      { paths: rules.map((rule) => rule.path), patterns },
    ],
    'no-restricted-syntax': ['error', ...rules.map((rule) => rule.syntax)],
  };
}

const allCode = ['**/*.{js,mjs,cjs,ts,mts,cts,svelte}'];

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] },
    },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_name` marks a parameter kept for its position (event handlers, fakes).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    files: ['src-renderer/**', 'tests/e2e/harness/page-*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  { files: allCode, plugins: { '@typescript-eslint': tseslint.plugin }, rules: restrictions({}) },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**', 'src-main/index.ts'],
    rules: restrictions({ patterns: [coreElectronPattern] }),
  },
  ...mainLayers
    .flat()
    .filter((folder) => folder !== 'common' && folder !== 'electron')
    .map((folder) => ({
      files: [`src-main/${folder}/**/*.ts`],
      rules: restrictions({ patterns: [coreElectronPattern, ...layerPatterns(folder)] }),
    })),
  {
    files: ['src-main/electron/**/*.ts'],
    rules: restrictions({ patterns: layerPatterns('electron') }),
  },
  {
    files: ['src-main/electron/ipc-*.ts'],
    rules: restrictions({ ipcMain: false, patterns: layerPatterns('electron') }),
  },
  { files: ['src-preload/**'], rules: restrictions({ preloadOnly: false }) },
  { files: ['src-main/common/**'], rules: restrictions({ patterns: commonPatterns }) },
  { files: ['src-renderer/**'], rules: restrictions({ patterns: rendererPatterns }) },
);
