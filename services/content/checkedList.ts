/**
 * A content list read and checked against its schema (content/schemas/<name>.schema.json) before any of it is used:
 * the de-identifier's word lists and the time-zone places. A list that fails says which file and where, at first use.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { packagePath } from '../paths';

/**
 * content/<file> (from `dir`, the package's content/ by default: from the package root, so the compiled code in dist/
 * finds it too), checked against its schema, which is always the package's.
 */
export function readCheckedList<T>(file: string, dir: string = packagePath('content')): T {
  const data = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as T;
  const schema = JSON.parse(fs.readFileSync(packagePath('content', 'schemas', file.replace(/\.json$/, '.schema.json')), 'utf8')) as object;
  const validate = new Ajv({ strict: true }).compile(schema);
  if (!validate(data)) throw new Error(`content/${file}: ${validate.errors?.[0]?.instancePath} ${validate.errors?.[0]?.message}`);
  return data;
}
