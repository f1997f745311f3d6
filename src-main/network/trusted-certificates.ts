// The certificate authorities an HTTPS connection trusts: Node's bundled roots plus the operating
// system's store, where a company's TLS-inspecting proxy installs its own authority. Node 24 reads
// the system store with tls.getCACertificates('system'); where that is missing (an older Node in
// Electron), Linux's bundle file stands in. The loader is passed in so tests can point it at a test
// authority and nothing else.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import tls from 'node:tls';

export type SystemCertificateLoader = () => readonly string[];

export function systemCertificates(): readonly string[] {
  const read = (tls as { getCACertificates?: (kind: string) => string[] }).getCACertificates;
  if (typeof read === 'function') {
    try {
      return read('system');
    } catch {
      return [];
    }
  }
  if (process.platform === 'linux') return certificatesInFile('/etc/ssl/certs/ca-certificates.crt');
  return [];
}

/** The PEM certificates in a file (a bundle or a single one); none when it cannot be read. */
export function certificatesInFile(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  return text.match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g) ?? [];
}

/** Every certificate in the .pem, .crt and .cer files of a folder (a store laid out as files). */
export function certificatesInDirectory(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => /\.(pem|crt|cer)$/i.test(name))
    .flatMap((name) => certificatesInFile(join(dir, name)));
}

/**
 * One TLS context for every connection: built once, because a `ca` list on each request would make
 * Node compare hundreds of certificates per request when it picks a pooled socket.
 */
export function createTrustContext(
  loadSystem: SystemCertificateLoader = systemCertificates,
): tls.SecureContext {
  const ca = [...new Set([...tls.rootCertificates, ...loadSystem(), ...extraCertificates()])];
  return tls.createSecureContext({ ca });
}

// NODE_EXTRA_CA_CERTS keeps working as it does for Node itself.
function extraCertificates(): readonly string[] {
  const read = (tls as { getCACertificates?: (kind: string) => string[] }).getCACertificates;
  try {
    return typeof read === 'function' ? read('extra') : [];
  } catch {
    return [];
  }
}
