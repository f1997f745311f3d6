// A throwaway certificate authority made with the openssl command line for each test run: a root,
// and server certificates signed by it (valid, expired, for another name), plus a self-signed one.
// Nothing here touches the machine's trust store: the tests hand the root to the app's system-store
// loader, and to nothing else.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ServerCertificate {
  key: string;
  cert: string;
}

export interface TestCa {
  /** The root certificate (PEM). */
  rootPem: string;
  /** A folder holding only the root, as a system store directory would. */
  storeDir: string;
  /** Signed by the root for the given names; `expired` makes one valid only in January 2020. */
  issue(options: { names: string[]; expired?: boolean }): ServerCertificate;
  /** Not signed by anyone: its own issuer. */
  selfSigned(names: string[]): ServerCertificate;
  remove(): void;
}

const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

function altNames(names: string[]): string {
  return names.map((n) => (/^[\d.]+$/.test(n) ? `IP:${n}` : `DNS:${n}`)).join(',');
}

export function createTestCa(): TestCa {
  const dir = mkdtempSync(join(tmpdir(), 'greencloud-ca-'));
  const storeDir = mkdtempSync(join(tmpdir(), 'greencloud-store-'));
  openssl(
    [
      'req',
      '-x509',
      ...ecKey,
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '2',
      '-subj',
      '/CN=GreenCloud Test Root CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    dir,
  );
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '1000\n');
  writeFileSync(
    join(dir, 'ca.cnf'),
    [
      '[ca]',
      'default_ca = test_ca',
      '[test_ca]',
      `dir = ${dir}`,
      `database = ${dir}/index.txt`,
      `new_certs_dir = ${dir}`,
      `serial = ${dir}/serial`,
      'default_md = sha256',
      'policy = any',
      'unique_subject = no',
      '[any]',
      'commonName = supplied',
    ].join('\n'),
  );
  const rootPem = readFileSync(join(dir, 'ca.pem'), 'utf8');
  writeFileSync(join(storeDir, 'test-root.pem'), rootPem);
  let serial = 0;
  const readPair = (name: string): ServerCertificate => ({
    key: readFileSync(join(dir, `${name}.key`), 'utf8'),
    cert: readFileSync(join(dir, `${name}.pem`), 'utf8'),
  });

  return {
    rootPem,
    storeDir,
    issue({ names, expired = false }) {
      serial += 1;
      const name = `server-${serial}`;
      openssl(
        [
          'req',
          '-new',
          ...ecKey,
          '-keyout',
          `${name}.key`,
          '-out',
          `${name}.csr`,
          '-subj',
          `/CN=${names[0]}`,
        ],
        dir,
      );
      writeFileSync(
        join(dir, `${name}.ext`),
        `subjectAltName=${altNames(names)}\nbasicConstraints=CA:FALSE\n`,
      );
      const dates = expired
        ? ['-startdate', '20200101000000Z', '-enddate', '20200201000000Z']
        : ['-days', '2'];
      openssl(
        [
          'ca',
          '-batch',
          '-config',
          'ca.cnf',
          '-cert',
          'ca.pem',
          '-keyfile',
          'ca.key',
          '-in',
          `${name}.csr`,
          '-out',
          `${name}.pem`,
          '-extfile',
          `${name}.ext`,
          '-notext',
          ...dates,
        ],
        dir,
      );
      return readPair(name);
    },
    selfSigned(names) {
      serial += 1;
      const name = `self-${serial}`;
      openssl(
        [
          'req',
          '-x509',
          ...ecKey,
          '-keyout',
          `${name}.key`,
          '-out',
          `${name}.pem`,
          '-days',
          '2',
          '-subj',
          `/CN=${names[0]}`,
          '-addext',
          `subjectAltName=${altNames(names)}`,
        ],
        dir,
      );
      return readPair(name);
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
      rmSync(storeDir, { recursive: true, force: true });
    },
  };
}
