// The proxy rules without a network: Chrome's PAC result format, HTTPS_PROXY / NO_PROXY, and the
// proxy address typed into Settings.

import { describe, expect, it } from 'vitest';
import {
  bypasses,
  choiceFromEnvironment,
  choiceFromPac,
  isLoopbackTarget,
  proxyUrl,
} from '../../../src-main/network/proxy-rules';
import { createProxyResolver } from '../../../src-main/network/proxy-resolver';
import { appErrorOf } from '../api/helpers/app-error-of';

const api = new URL('https://api.greencloud.dev/v1/user');
const describeChoice = (choice: ReturnType<typeof choiceFromPac>) =>
  choice === undefined ? 'none' : choice.kind === 'direct' ? 'DIRECT' : choice.url.href;

describe('PAC results', () => {
  it.each([
    ['DIRECT', 'DIRECT'],
    ['PROXY corp:8080', 'http://corp:8080/'],
    ['PROXY corp:8080; DIRECT', 'http://corp:8080/'],
    ['HTTPS secure.corp:443', 'https://secure.corp/'],
    ['SOCKS5 socks:1080; PROXY corp:3128', 'http://corp:3128/'],
    ['  proxy  corp:8080  ', 'http://corp:8080/'],
    ['SOCKS socks:1080', 'none'],
    ['', 'none'],
  ])('%j → %s', (result, expected) => {
    expect(describeChoice(choiceFromPac(result))).toBe(expected);
  });
});

describe('NO_PROXY', () => {
  it.each([
    ['*', true],
    ['greencloud.dev', true],
    ['.greencloud.dev', true],
    ['*.greencloud.dev', true],
    ['api.greencloud.dev:443', true],
    ['api.greencloud.dev:8443', false],
    ['other.dev, greencloud.dev', true],
    ['cloud.dev', false],
    ['greencloud.de', false],
    ['', false],
  ])('%j bypasses api.greencloud.dev: %s', (noProxy, expected) => {
    expect(bypasses(noProxy, api)).toBe(expected);
  });

  it('reads lower- and upper-case variables, and the one for the scheme', () => {
    expect(describeChoice(choiceFromEnvironment(api, { https_proxy: 'corp:1' }))).toBe(
      'http://corp:1/',
    );
    expect(describeChoice(choiceFromEnvironment(api, { HTTPS_PROXY: 'http://corp:2' }))).toBe(
      'http://corp:2/',
    );
    expect(choiceFromEnvironment(api, { HTTP_PROXY: 'corp:3' })).toBeUndefined();
    expect(
      describeChoice(
        choiceFromEnvironment(api, { HTTPS_PROXY: 'corp:1', NO_PROXY: '.greencloud.dev' }),
      ),
    ).toBe('DIRECT');
  });
});

describe('typed proxy addresses', () => {
  it.each([
    ['corp:8080', 'http://corp:8080/'],
    ['http://corp:8080', 'http://corp:8080/'],
    ['https://corp', 'https://corp/'],
    ['socks5://corp:1080', undefined],
    ['corp:8080/path', undefined],
    ['', undefined],
  ])('%j → %s', (text, expected) => {
    expect(proxyUrl(text)?.href).toBe(expected);
  });

  it('a broken address in Settings gets a sentence for the proxy field', async () => {
    const choose = createProxyResolver({ manualProxy: () => 'socks5://corp:1080' });
    const error = await appErrorOf(choose(api));
    expect(error.field).toBe('proxy');
    expect(error.message).toMatch(/proxy\.example\.com:8080/);
  });
});

describe('loopback', () => {
  it('never sends this computer through a proxy from Settings or the environment', async () => {
    const choose = createProxyResolver({
      manualProxy: () => 'corp:8080',
      env: { HTTP_PROXY: 'corp:8080' },
    });
    for (const url of [
      'http://127.0.0.1:4010/v1',
      'http://localhost:4010/v1',
      'http://[::1]:4010/v1',
    ]) {
      expect(isLoopbackTarget(new URL(url))).toBe(true);
      expect(await choose(new URL(url))).toEqual({ kind: 'direct' });
    }
  });

  it('falls back to direct when the system resolver fails, and says so for SOCKS only', async () => {
    const failing = createProxyResolver({ system: async () => Promise.reject(new Error('pac')) });
    expect(await failing(api)).toEqual({ kind: 'direct' });
    const socks = createProxyResolver({ system: async () => 'SOCKS5 s:1080' });
    expect((await appErrorOf(socks(api))).message).toMatch(/SOCKS proxy/);
  });
});
