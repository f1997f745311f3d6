// Maps an `app://greencloud/...` request to a file under the renderer's build folder, refusing
// anything that would escape it. Pure (node:path only) so the path-traversal cases are unit-tested.
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { appHost, appOrigin, appScheme } from '../core/app-page';

/** A page the window loads (windowPagePath); the core's `isAppPageUrl` trusts this origin's frames. */
export function appPageUrl(pagePath: string): string {
  return `${appOrigin}${pagePath}`;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The file to serve for `requestUrl`, or undefined when the URL is not ours or points outside
 * `rootDir` (`..`, encoded `%2e%2e`, encoded separators, absolute paths, NUL bytes).
 */
export function resolveAppFile(rootDir: string, requestUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost) return undefined;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  // An encoded backslash or NUL can only be an attempt to confuse the path join below.
  if (pathname.includes('\0') || pathname.includes('\\')) return undefined;
  const relativePath = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = resolve(rootDir);
  const file = resolve(root, relativePath);
  const fromRoot = relative(root, file);
  if (
    fromRoot === '' ||
    fromRoot.startsWith(`..${sep}`) ||
    fromRoot === '..' ||
    isAbsolute(fromRoot)
  ) {
    return undefined;
  }
  return file;
}

export function contentTypeFor(file: string): string {
  return contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
}
