// The renderer's Content-Security-Policy: its own files only, no eval, no remote origins, no
// plugins, no framing. The app's protocol handler sends it with every page, and the end-to-end
// harness serves the same header so the tests run the renderer under the policy users get.
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
