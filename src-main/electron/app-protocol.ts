// Serves the renderer's build folder on app://greencloud/ so the page has a real, stable origin
// (the handler registry trusts only that origin) without ever loading a remote URL.
import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { appScheme } from '../core/app-page';
import { contentSecurityPolicy } from '../core/content-security-policy';
import { contentTypeFor, resolveAppFile } from './app-protocol-paths';

/** Must run before `app` is ready: Chromium fixes scheme privileges at start-up. */
export function registerAppSchemePrivileges(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged([
    // standard + secure: a normal origin for module scripts, and a secure context. codeCache: V8
    // keeps the compiled scripts between launches, as it does for https pages; compiling the JS is
    // a large cost when a signed-in window opens (issue 11's view-load traces: 19–26 ms for the
    // signed-in page's one script).
    {
      scheme: appScheme,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

export function serveRendererFolder(protocol: Protocol, rootDir: string): void {
  protocol.handle(appScheme, async (request) => {
    const file = resolveAppFile(rootDir, request.url);
    if (file === undefined) return notFound();
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'Content-Type': contentTypeFor(file),
          'Content-Security-Policy': contentSecurityPolicy,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return notFound();
    }
  });
}

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { 'Content-Security-Policy': contentSecurityPolicy },
  });
}
