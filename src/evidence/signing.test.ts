import { describe, expect, it } from 'vitest';
import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import { utf8 } from './canonical';
import { exportPublicKey, generateInstallKey, importPublicKey, publicKeyPem, rawToDer, sign, verify } from './signing';

describe('per-install ECDSA P-256 key', () => {
  it('private key is non-extractable; public key exports as JWK and SPKI', async () => {
    const kp = await generateInstallKey();
    expect(kp.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', kp.privateKey)).rejects.toThrow();
    const pub = await exportPublicKey(kp.publicKey);
    expect(pub.jwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
    expect(pub.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(publicKeyPem(pub.spki)).toMatch(/^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+-----END PUBLIC KEY-----\n$/);
  });
  it('signs a digest; the signature verifies, and fails for other data or another key', async () => {
    const kp = await generateInstallKey();
    const other = await generateInstallKey();
    const data = utf8('abc  evidence.json\n');
    const sig = await sign(kp.privateKey, data);
    expect(sig.length).toBe(64);
    const pub = await importPublicKey((await exportPublicKey(kp.publicKey)).spki);
    expect(await verify(pub, sig, data)).toBe(true);
    expect(await verify(pub, sig, utf8('abc  evidence.json\r\n'))).toBe(false);
    expect(await verify(other.publicKey, sig, data)).toBe(false);
  });
  it('the DER form is what OpenSSL (node:crypto) verifies with the PEM key', async () => {
    const kp = await generateInstallKey();
    const pub = await exportPublicKey(kp.publicKey);
    for (let i = 0; i < 20; i++) {
      const data = utf8(`message ${i}`);
      const der = rawToDer(await sign(kp.privateKey, data));
      expect(nodeVerify('sha256', data, createPublicKey(publicKeyPem(pub.spki)), der)).toBe(true);
    }
  });
});
