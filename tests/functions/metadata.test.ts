/**
 * The metadata Excel reads (functions.json) is generated from functions.ts' JSDoc. The generator
 * silently skips arrow functions and turns 1-D arrays into scalars, so this pins the outcome:
 * no errors, exactly the six functions, ranges as matrices, and the declared result types.
 */
import path from 'path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';

const FUNCTIONS_FILE = path.join(__dirname, '..', '..', 'src', 'functions', 'functions.ts');
const TABLE_PARAMS = ['accountabilities', 'reviews', 'decisions', 'resources', 'communications', 'escalations', 'settings'];

interface Param {
  name: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface Fn {
  id: string;
  name: string;
  parameters: Param[];
  result: { type?: string; dimensionality?: string };
}

let generated: Awaited<ReturnType<typeof generateCustomFunctionsMetadata>>;
let functions: Fn[];

beforeAll(async () => {
  generated = await generateCustomFunctionsMetadata(FUNCTIONS_FILE, false);
  functions = (JSON.parse(generated.metadataJson) as { functions: Fn[] }).functions;
});

test('generation reports no errors', () => {
  expect(generated.errors).toEqual([]);
});

test('exactly the six ISO20K functions, each associated with its implementation', () => {
  expect(functions.map((f) => f.id).sort()).toEqual(['CRITERIA', 'EXPLAIN', 'GAPS', 'PILLAR', 'RATING', 'READINESS']);
  expect(functions.every((f) => f.name === f.id)).toBe(true);
  expect(generated.associate.map((a) => a.id).sort()).toEqual(functions.map((f) => f.id).sort());
});

test('the seven tables are matrix parameters in schema order, then an optional numeric asOf', () => {
  for (const f of functions) {
    const leading = f.id === 'PILLAR' || f.id === 'EXPLAIN' ? 1 : 0;
    const params = f.parameters;
    expect(params).toHaveLength(leading + TABLE_PARAMS.length + 1);
    if (leading) expect(params[0]).toMatchObject({ type: 'string' });
    if (leading) expect(params[0].dimensionality ?? 'scalar').toBe('scalar');
    TABLE_PARAMS.forEach((name, i) => {
      expect(params[leading + i]).toMatchObject({ name, dimensionality: 'matrix' });
      expect(params[leading + i].optional ?? false).toBe(false);
    });
    const asOf = params[params.length - 1];
    expect(asOf).toMatchObject({ name: 'asOf', type: 'number', optional: true });
    expect(asOf.dimensionality ?? 'scalar').toBe('scalar');
  }
});

test('result types: numbers, text, and spilled matrices', () => {
  const result = Object.fromEntries(functions.map((f) => [f.id, f.result]));
  expect(result.READINESS).toEqual({ type: 'number' });
  expect(result.PILLAR).toEqual({ type: 'number' });
  expect(result.RATING).toEqual({ type: 'string' });
  expect(result.EXPLAIN).toEqual({ type: 'string' });
  expect(result.GAPS).toEqual({ type: 'string', dimensionality: 'matrix' });
  // Mixed text and numbers (the score column): "any", i.e. no type key.
  expect(result.CRITERIA).toEqual({ dimensionality: 'matrix' });
});
