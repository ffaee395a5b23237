import type { RestResponse } from '@edugraph/platform';

/** The formats GeoReport v2 answers in: the file extension of each path. */
export type Open311Format = 'json' | 'xml';

const CONTENT_TYPES: Record<Open311Format, string> = { json: 'application/json; charset=utf-8', xml: 'text/xml; charset=utf-8' };

type Value = string | number | boolean | null | undefined | Value[] | { [key: string]: Value };

const ITEM_NAMES: Record<string, string> = { endpoints: 'endpoint', formats: 'format', attributes: 'attribute', values: 'value' };

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

function element(name: string, value: Value): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) return `<${name}>${value.map((v) => element(ITEM_NAMES[name] ?? 'item', v)).join('')}</${name}>`;
  if (typeof value === 'object') return `<${name}>${Object.entries(value).map(([k, v]) => element(k, v)).join('')}</${name}>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/**
 * An answer in the asked format. XML follows the standard's documents: a list is `root` holding one
 * `item` element per entry (services/service, service_requests/request, errors/error).
 */
export function answer(format: Open311Format, status: number, body: Value, xml: { root: string; item?: string }): RestResponse {
  if (format === 'json') return { status, contentType: CONTENT_TYPES.json, body: JSON.stringify(body) };
  const inner = Array.isArray(body) ? body.map((v) => element(xml.item ?? 'item', v)).join('') : Object.entries(body as Record<string, Value>).map(([k, v]) => element(k, v)).join('');
  return { status, contentType: CONTENT_TYPES.xml, body: `<?xml version="1.0" encoding="utf-8"?><${xml.root}>${inner}</${xml.root}>` };
}

/** The standard's error document: a list of `{ code, description }`, code being the HTTP status. */
export function open311Error(format: Open311Format, status: number, description: string): RestResponse {
  return answer(format, status, [{ code: status, description }], { root: 'errors', item: 'error' });
}

/** An ISO 8601 time in Asia/Shanghai (+08:00), as GeoReport v2 shows times. */
export function shanghaiDateTime(at: Date): string {
  const local = new Date(at.getTime() + 8 * 3_600_000).toISOString();
  return `${local.slice(0, 19)}+08:00`;
}

/** The end of a YYYY-MM-DD day in Asia/Shanghai. */
export function endOfShanghaiDay(day: string): string {
  return `${day}T23:59:59+08:00`;
}
