import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DOCUMENT_KINDS } from '../../src/core/kinds.js';
import { KIND_SCHEMAS } from '../../src/core/schema/validate.js';
import { KIND_FIELDS } from '../../src/core/model/types.js';
import { REPO_ROOT } from '../helpers.js';

const SCHEMAS = path.join(REPO_ROOT, 'schemas');

function schemaFile(kind: string): { $id?: string; properties?: Record<string, { const?: unknown }>; required?: string[] } {
  return JSON.parse(readFileSync(path.join(SCHEMAS, `${kind}.schema.json`), 'utf8'));
}

const sorted = (xs: Iterable<string>) => [...xs].sort();

describe('types: KIND_FIELDS mirror the schemas', () => {
  it('every document kind has a schema file, and every kind schema is a document kind', () => {
    const files = readdirSync(SCHEMAS).filter((f) => f.endsWith('.schema.json')).map((f) => f.replace(/\.schema\.json$/, ''));
    assert.deepEqual(sorted(files.filter((f) => f !== 'defs' && f !== 'keyplan-config')), sorted(DOCUMENT_KINDS));
    assert.deepEqual(sorted(Object.keys(KIND_FIELDS)), sorted(DOCUMENT_KINDS));
  });

  for (const kind of DOCUMENT_KINDS) {
    describe(kind, () => {
      const schema = schemaFile(kind);

      it('KIND_FIELDS lists exactly the schema\'s top-level properties', () => {
        const fromSchema = Object.keys(schema.properties ?? {});
        const fromTypes: readonly string[] = KIND_FIELDS[kind];
        const missingInTypes = fromSchema.filter((k) => !fromTypes.includes(k));
        const missingInSchema = fromTypes.filter((k) => !fromSchema.includes(k));
        assert.deepEqual({ missingInTypes, missingInSchema }, { missingInTypes: [], missingInSchema: [] });
        assert.equal(new Set(fromTypes).size, fromTypes.length, 'no field listed twice');
      });

      it('required fields are among the listed fields, and `kind` is a const', () => {
        for (const r of schema.required ?? []) assert.ok((KIND_FIELDS[kind] as readonly string[]).includes(r), r);
        assert.equal(schema.properties?.kind?.const, kind);
      });

      it('the schema the core compiles is this file', () => {
        assert.deepEqual(KIND_SCHEMAS[kind], schema);
        assert.equal(schema.$id, `https://keyplan.dev/schemas/${kind}.schema.json`);
      });
    });
  }
});
