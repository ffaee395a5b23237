import { describe, expect, it } from 'vitest';
import { DEFAULT_GATEWAY, parseCli } from './args.ts';
import { UsageError } from './errors.ts';

const KEY = { EDUGRAPH_API_KEY: 'k'.repeat(32) };

describe('parseCli', () => {
  it('reads the options, with the default gateway and no year', () => {
    expect(parseCli(['--school', 's-1', '--file', 'c.csv'], KEY)).toEqual({
      help: false, schoolId: 's-1', file: 'c.csv', dryRun: false, gatewayUrl: DEFAULT_GATEWAY, year: undefined, intakeIsCap: false, credentials: { apiKey: 'k'.repeat(32) },
    });
    expect(parseCli(['--school=s-1', '--file=c.json', '--dry-run', '--gateway', 'https://edu.example/graphql', '--year', '2027', '--intake-cap'], KEY)).toMatchObject({
      dryRun: true, gatewayUrl: 'https://edu.example/graphql', year: 2027, intakeIsCap: true,
    });
  });

  it('takes the API key first, else a staff token, else refuses', () => {
    expect(parseCli(['--school', 's', '--file', 'f'], { EDUGRAPH_TOKEN: 't' })).toMatchObject({ credentials: { token: 't' } });
    expect(parseCli(['--school', 's', '--file', 'f'], { ...KEY, EDUGRAPH_TOKEN: 't' })).toMatchObject({ credentials: { apiKey: KEY.EDUGRAPH_API_KEY } });
    expect(() => parseCli(['--school', 's', '--file', 'f'], { EDUGRAPH_API_KEY: ' ' })).toThrow(/Set EDUGRAPH_API_KEY .* or EDUGRAPH_TOKEN/);
  });

  it('answers --help without needing anything else', () => {
    expect(parseCli(['--help'], {})).toEqual({ help: true });
    expect(parseCli(['-h'], {})).toEqual({ help: true });
  });

  it('refuses missing or bad options', () => {
    expect(() => parseCli(['--file', 'f'], KEY)).toThrow('Missing --school.');
    expect(() => parseCli([], KEY)).toThrow('Missing --school and --file.');
    expect(() => parseCli(['--school', 's', '--file', 'f', '--year', '26'], KEY)).toThrow(/--year must be a year such as 2026/);
    expect(() => parseCli(['--school', 's', '--file', 'f', '--gateway', 'localhost:4000'], KEY)).toThrow(/--gateway must be an http\(s\) URL/);
    expect(() => parseCli(['--school', 's', '--file', 'f', '--force'], KEY)).toThrow(UsageError);
    expect(() => parseCli(['--school', 's', '--file', 'f', 'extra'], KEY)).toThrow(UsageError);
  });
});
