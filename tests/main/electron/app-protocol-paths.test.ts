import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppPageUrl, windowPagePath } from '../../../src-main/core/app-page';
import {
  appPageUrl,
  contentTypeFor,
  resolveAppFile,
} from '../../../src-main/electron/app-protocol-paths';

const root = resolve('/srv/app/out/renderer');

describe('resolveAppFile', () => {
  it('serves files under the renderer folder', () => {
    expect(resolveAppFile(root, 'app://greencloud/index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://greencloud/')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://greencloud/assets/index-abc.js?x=1#y')).toBe(
      join(root, 'assets', 'index-abc.js'),
    );
  });

  it.each([
    'app://greencloud/../secret.txt',
    'app://greencloud/%2e%2e/secret.txt',
    'app://greencloud/a/%2e%2e/%2e%2e/%2e%2e/secret.txt',
    'app://greencloud/%2fetc%2fpasswd',
  ])('never leaves the folder for %s', (url) => {
    const file = resolveAppFile(root, url);
    expect(file === undefined || file.startsWith(root + sep)).toBe(true);
  });

  it.each([
    'app://greencloud/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://greencloud/..%5c..%5csecret.txt',
    'app://greencloud/index.html%00.png',
    'app://greencloud/%E0%A4%A',
    'app://other-host/index.html',
    'file:///etc/passwd',
    'https://greencloud/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(root, url)).toBeUndefined();
  });

  it('keeps an encoded absolute path inside the folder', () => {
    expect(resolveAppFile(root, 'app://greencloud/%2fetc%2fpasswd')).toBe(
      join(root, 'etc', 'passwd'),
    );
  });
});

describe('the page URL', () => {
  const signedOut = appPageUrl(windowPagePath({ status: 'signed-out' }));
  const signedIn = appPageUrl(windowPagePath({ status: 'signed-in' }));

  it('is one the handler registry trusts, signed in or not', () => {
    expect(isAppPageUrl(signedOut)).toBe(true);
    expect(isAppPageUrl(signedIn)).toBe(true);
  });

  it('is the sign-in page signed out, the one that also fetches the signed-in side signed in', () => {
    expect(resolveAppFile(root, signedOut)).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, signedIn)).toBe(join(root, 'signed-in.html'));
  });
});

describe('contentTypeFor', () => {
  it('knows the renderer build output and falls back to octet-stream', () => {
    expect(contentTypeFor('/a/index.html')).toMatch(/^text\/html/);
    expect(contentTypeFor('/a/x.JS')).toMatch(/^text\/javascript/);
    expect(contentTypeFor('/a/x.css')).toMatch(/^text\/css/);
    expect(contentTypeFor('/a/x.bin')).toBe('application/octet-stream');
  });
});
