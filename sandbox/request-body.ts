// Reads and parses a request body, with the limits that keep the sandbox standing whatever it is
// sent: over 100 KB is refused with 413, broken JSON with 400. Every method may carry a body,
// because Set Password is documented as a GET with a JSON body.

import type { IncomingMessage } from 'node:http';
import { SandboxError } from './http-reply';

export const maxBodyBytes = 100 * 1024;

function tooLarge(): SandboxError {
  return new SandboxError(413, 'PAYLOAD_TOO_LARGE', 'The request body is larger than 100 KB.');
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBodyBytes) {
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        req.removeAllListeners('data');
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * The JSON value of a body, or undefined when there is none. The contract asks for
 * `Content-Type: application/json` on every request with a body; holding clients to it here
 * catches a client that forgets it before the real API does.
 */
export function parseJsonBody(text: string, contentType: string | undefined): unknown {
  if (text.trim() === '') return undefined;
  if (!/^application\/json\b/i.test(contentType ?? '')) {
    throw new SandboxError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the request body as JSON with the header Content-Type: application/json.',
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SandboxError(400, 'VALIDATION_FAILED', 'The request body is not valid JSON.');
  }
}
