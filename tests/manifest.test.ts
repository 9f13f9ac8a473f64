/**
 * The online manifest validator is unreachable here (known-traps.md), so this checks the
 * structure Excel relies on — for the development manifest and for the production copy made by
 * the same rewrite function webpack.config.js uses.
 */
import fs from 'fs';
import path from 'path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DEFAULT_PRODUCTION_ORIGIN, DEV_ORIGIN, productionOrigin, rewriteManifest } from '../scripts/manifest-rewrite';

const ROOT = path.join(__dirname, '..');
const DEV_XML = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

type Node = Record<string, unknown>;

interface Element {
  name: string;
  attrs: Record<string, string>;
  text?: string;
  path: string[];
  node: Node;
}

/** Every element of the parsed document, depth first, with its tag path. */
function elements(xml: string): Element[] {
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false }).parse(xml) as Node;
  const out: Element[] = [];
  const visit = (name: string, value: unknown, trail: string[]): void => {
    if (Array.isArray(value)) {
      for (const v of value) visit(name, v, trail);
      return;
    }
    const p = [...trail, name];
    if (value === null || typeof value !== 'object') {
      out.push({ name, attrs: {}, text: value === '' ? '' : String(value), path: p, node: {} });
      return;
    }
    const node = value as Node;
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(node)) if (k.startsWith('@_')) attrs[k.slice(2)] = String(v);
    out.push({ name, attrs, text: typeof node['#text'] === 'string' ? (node['#text'] as string) : undefined, path: p, node });
    for (const [k, v] of Object.entries(node)) if (!k.startsWith('@_') && k !== '#text' && k !== '?xml') visit(k, v, p);
  };
  for (const [k, v] of Object.entries(doc)) if (k !== '?xml') visit(k, v, []);
  return out;
}

function within(el: Element, ancestor: string): boolean {
  return el.path.slice(0, -1).includes(ancestor);
}

/** Resources: id → DefaultValue, for images, URLs, short and long strings. */
function resources(els: Element[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const el of els) {
    if (!within(el, 'Resources') || el.attrs.id === undefined) continue;
    expect(map.has(el.attrs.id)).toBe(false); // ids are unique
    map.set(el.attrs.id, el.attrs.DefaultValue);
  }
  return map;
}

function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function checkStructure(xml: string, origin: string): void {
  expect(XMLValidator.validate(xml)).toBe(true);
  const els = elements(xml);
  const res = resources(els);
  const one = (name: string, pred: (e: Element) => boolean = () => true): Element => {
    const found = els.filter((e) => e.name === name && pred(e));
    expect(found).toHaveLength(1);
    return found[0];
  };

  // Every resid is defined, and every id/resid fits Office's 32-character limit.
  const resids = els.filter((e) => e.attrs.resid !== undefined).map((e) => e.attrs.resid);
  expect(resids.length).toBeGreaterThan(10);
  for (const r of resids) {
    expect(res.has(r) ? r : `undefined resid ${r}`).toBe(r);
    expect(r.length).toBeLessThanOrEqual(32);
  }
  for (const id of res.keys()) expect(id.length).toBeLessThanOrEqual(32);

  // One shared runtime: Runtime, custom functions Page, FunctionFile and the pane button agree.
  expect(one('Host', (e) => e.attrs.Name !== undefined).attrs.Name).toBe('Workbook');
  const runtime = one('Runtime');
  expect(runtime.attrs.lifetime).toBe('long');
  const page = one('SourceLocation', (e) => e.path.includes('Page'));
  const functionFile = one('FunctionFile');
  const paneAction = one('Action', (e) => e.attrs['xsi:type'] === 'ShowTaskpane');
  const paneSource = one('SourceLocation', (e) => e.path.includes('Action'));
  expect(page.attrs.resid).toBe(runtime.attrs.resid);
  expect(functionFile.attrs.resid).toBe(runtime.attrs.resid);
  expect(paneSource.attrs.resid).toBe(runtime.attrs.resid);
  expect(paneAction.path).toContain('OfficeTab');
  expect(one('OfficeTab').attrs.id).toBe('TabHome');
  expect(one('Control').attrs['xsi:type']).toBe('Button');
  expect(res.get(runtime.attrs.resid)).toBe(`${origin}/taskpane.html`);
  expect(one('SourceLocation', (e) => e.path.includes('DefaultSettings')).attrs.DefaultValue).toBe(`${origin}/taskpane.html`);

  // Custom functions: script, metadata, namespace ISO20K.
  expect(res.get(one('SourceLocation', (e) => e.path.includes('Script')).attrs.resid)).toBe(`${origin}/functions.js`);
  expect(res.get(one('SourceLocation', (e) => e.path.includes('Metadata')).attrs.resid)).toBe(`${origin}/functions.json`);
  expect(res.get(one('Namespace').attrs.resid)).toBe('ISO20K');
  expect(one('ExtensionPoint', (e) => e.attrs['xsi:type'] === 'CustomFunctions')).toBeDefined();

  // Requirements, permission, no extra domains.
  const set = one('Set', (e) => e.attrs.Name === 'SharedRuntime');
  expect(set.attrs.MinVersion).toBe('1.1');
  expect(one('Permissions').text).toBe('ReadWriteDocument');
  expect(els.filter((e) => e.name === 'AppDomain')).toHaveLength(0);

  // Every URL is on the origin; icons exist in assets/ at the size their id or size attribute says.
  // (xmlns attributes name schemas, not places the add-in loads from.)
  const urls = els
    .flatMap((e) => Object.entries(e.attrs).filter(([k]) => !k.startsWith('xmlns')).map(([, v]) => v))
    .filter((v) => /^https?:\/\//.test(v));
  expect(urls.length).toBeGreaterThanOrEqual(8);
  for (const u of urls) expect(u.startsWith(`${origin}/`)).toBe(true);
  const icons = els.filter((e) => e.name === 'bt:Image' && e.attrs.id !== undefined);
  expect(icons.map((e) => e.attrs.id).sort()).toEqual(['Icon.16x16', 'Icon.32x32', 'Icon.80x80']);
  const iconUrls = [...icons.map((e) => e.attrs.DefaultValue), one('IconUrl').attrs.DefaultValue, one('HighResolutionIconUrl').attrs.DefaultValue];
  for (const u of iconUrls) {
    const m = /\/assets\/icon-(\d+)\.png$/.exec(u);
    expect(m).not.toBeNull();
    const size = Number(m![1]);
    expect(pngSize(path.join(ROOT, 'assets', `icon-${size}.png`))).toEqual({ width: size, height: size });
  }
}

describe('development manifest', () => {
  test('structure', () => {
    checkStructure(DEV_XML, DEV_ORIGIN);
  });
});

describe('production manifest (the rewrite webpack.config.js applies)', () => {
  test('default origin is the documented placeholder', () => {
    expect(productionOrigin({})).toBe(DEFAULT_PRODUCTION_ORIGIN);
    expect(productionOrigin({ ADDIN_PRODUCTION_ORIGIN: '  ' })).toBe(DEFAULT_PRODUCTION_ORIGIN);
  });

  test.each([
    ['https://addins.northwind.example', 'https://addins.northwind.example'],
    ['https://cdn.northwind.example/clause51/', 'https://cdn.northwind.example/clause51'],
  ])('every localhost URL moves to %s', (given, origin) => {
    const xml = rewriteManifest(DEV_XML, productionOrigin({ ADDIN_PRODUCTION_ORIGIN: given }));
    expect(xml).not.toMatch(/localhost|127\.0\.0\.1/i);
    const before = DEV_XML.match(/https:\/\/localhost:3000/g)!.length;
    expect(before).toBeGreaterThan(8);
    expect(xml.split(`${origin}/`).length - 1).toBe(before);
    checkStructure(xml, origin);
  });

  test('the placeholder build is structurally valid too', () => {
    checkStructure(rewriteManifest(DEV_XML, productionOrigin({})), DEFAULT_PRODUCTION_ORIGIN);
  });

  test('any localhost form is replaced, not only the first occurrence', () => {
    const xml = '<a x="https://localhost:3000/a"/><b x="https://localhost:3000/b"/><c x="http://127.0.0.1:8080/c"/>';
    expect(rewriteManifest(xml, 'https://p.example')).toBe('<a x="https://p.example/a"/><b x="https://p.example/b"/><c x="https://p.example/c"/>');
  });

  test('a leftover local URL fails loudly', () => {
    expect(() => rewriteManifest('<a>see localhost</a>', 'https://p.example')).toThrow(/left a local URL/);
  });

  test.each(['http://insecure.example', 'https://localhost', 'https://x.example/?a=1', 'https://x.example/#f', 'not a url', 'https://user:pw@x.example'])(
    'refuses ADDIN_PRODUCTION_ORIGIN=%s',
    (given) => {
      expect(() => productionOrigin({ ADDIN_PRODUCTION_ORIGIN: given })).toThrow(/ADDIN_PRODUCTION_ORIGIN/);
    },
  );
});
