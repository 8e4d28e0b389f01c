// Several server nodes share one database, so src/server keeps no state of its own between
// requests: no module-level `let`/`var`, no module-level, class-field or route-factory
// collection that is written to (a Map or Set filled per request is exactly the in-process lock
// or cache that another node would not see). Caches that are safe to lose are listed below.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SERVER = path.join(import.meta.dirname, '../../src/server');

/** file:name -> why losing it (or a second node having its own) is harmless. */
const ALLOWED: Record<string, string> = {
  'auth/password.ts:dummyHash': 'a hash of a fixed dummy password; recomputed when lost',
  'import/csv-stream.ts:fields': 'the row a CSV parser is reading; one parser per file read',
  'main.ts:running': "the process's own server handle for signal handling, not request state",
  'main.ts:stopRequested': 'which signal asked this process to stop, not request state',
};

const MUTATORS = /\.(set|add|delete|clear|push|pop|shift|unshift|splice)\(/;

function serverFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return serverFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

function isCollection(node: ts.Expression | undefined): boolean {
  if (!node) return false;
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
    return ['Map', 'Set', 'WeakMap', 'WeakSet', 'Array'].includes(node.expression.text);
  }
  return ts.isArrayLiteralExpression(node);
}

/** Names of state that outlives a request in `source`, with the kind of finding. */
export function findServerState(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const written = (name: string) =>
    new RegExp(`\\b${name}${MUTATORS.source}`).test(text) ||
    new RegExp(`\\b${name}(\\.\\w+|\\[[^\\]]+\\])\\s*=[^=]`).test(text);
  const checkDeclarations = (list: ts.VariableDeclarationList, where: string) => {
    const isConst = (list.flags & ts.NodeFlags.Const) !== 0;
    for (const declaration of list.declarations) {
      if (!ts.isIdentifier(declaration.name)) continue;
      const name = declaration.name.text;
      if (!isConst && where === 'module') found.push(`${name} (module-level let/var)`);
      else if (isCollection(declaration.initializer) && written(name))
        found.push(`${name} (${where} collection written to)`);
    }
  };
  for (const statement of source.statements) {
    if (ts.isVariableStatement(statement)) checkDeclarations(statement.declarationList, 'module');
    if (ts.isClassDeclaration(statement)) {
      for (const member of statement.members) {
        if (
          ts.isPropertyDeclaration(member) &&
          ts.isIdentifier(member.name) &&
          isCollection(member.initializer)
        ) {
          found.push(`${member.name.text} (class field collection)`);
        }
      }
    }
    // A route factory's locals live as long as the app: per-node state.
    if (ts.isFunctionDeclaration(statement) && statement.name?.text.endsWith('Routes')) {
      for (const inner of statement.body?.statements ?? []) {
        if (ts.isVariableStatement(inner))
          checkDeclarations(inner.declarationList, 'route factory');
      }
    }
  }
  return found;
}

describe('server state', () => {
  it('finds the kinds of state it is meant to find', () => {
    expect(findServerState('a.ts', 'let cache = 1;')).toEqual(['cache (module-level let/var)']);
    expect(
      findServerState(
        'b.ts',
        'const seen = new Set<string>();\nexport const f = () => seen.add("x");',
      ),
    ).toEqual(['seen (module collection written to)']);
    expect(findServerState('c.ts', 'class Store { private readonly locks = new Map(); }')).toEqual([
      'locks (class field collection)',
    ]);
    expect(
      findServerState(
        'd.ts',
        'export function importRoutes() { const running = new Set(); running.add(1); }',
      ),
    ).toEqual(['running (route factory collection written to)']);
    expect(findServerState('e.ts', "const KINDS = new Set(['a', 'b']);\nKINDS.has('a');")).toEqual(
      [],
    );
  });

  it('keeps none in src/server except caches that are safe to lose', () => {
    const findings = serverFiles(SERVER).flatMap((file) => {
      const relative = path.relative(SERVER, file).split(path.sep).join('/');
      return findServerState(file, readFileSync(file, 'utf8'))
        .filter((finding) => !ALLOWED[`${relative}:${finding.split(' ')[0]}`])
        .map((finding) => `${relative}: ${finding}`);
    });
    expect(findings).toEqual([]);
  });
});
