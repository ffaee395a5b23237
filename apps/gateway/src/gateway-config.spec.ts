import { describe, expect, it } from 'vitest';
import { loadGatewayConfig } from './gateway-config.ts';

const BASE = { EDUGRAPH_ACTOR_PRIVATE_KEY: '{"kty":"OKP"}', EDUGRAPH_JWT_SECRET: 'x'.repeat(32) };

describe('EDUGRAPH_PUBLIC_URL: the base links in open data and Open311 answers use', () => {
  it('is read without its trailing slash, and left unset when empty', () => {
    expect(loadGatewayConfig({ ...BASE, EDUGRAPH_PUBLIC_URL: 'https://edu.example.gov.cn/' }).publicUrl).toBe('https://edu.example.gov.cn');
    expect(loadGatewayConfig({ ...BASE, EDUGRAPH_PUBLIC_URL: '' }).publicUrl).toBeUndefined();
    expect(loadGatewayConfig(BASE).publicUrl).toBeUndefined();
  });
  it('refuses anything but an http(s) URL', () => {
    expect(() => loadGatewayConfig({ ...BASE, EDUGRAPH_PUBLIC_URL: 'ftp://edu.example.gov.cn' })).toThrow(/EDUGRAPH_PUBLIC_URL/);
    expect(() => loadGatewayConfig({ ...BASE, EDUGRAPH_PUBLIC_URL: 'not a url' })).toThrow(/EDUGRAPH_PUBLIC_URL/);
  });
});
