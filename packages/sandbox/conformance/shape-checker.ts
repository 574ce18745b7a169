import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ts from 'typescript';

/** One disagreement between a JSON body and the `stripe` package's declaration of it. */
export interface ShapeFinding {
  /** The declared type of the nearest enclosing Stripe object, e.g. `Charge`. */
  objectType: string;
  kind: 'missing' | 'wrong-type' | 'enum';
  /** Dotted path inside that object; array items appear as `[]`. */
  path: string;
  detail: string;
}

export function findingKey(finding: ShapeFinding) {
  return `${finding.objectType} ${finding.kind} ${finding.path}`;
}

/** `object` values the sandbox answers with, and the `stripe` declaration each one follows. */
const declaredTypes: Record<string, string> = {
  account: 'Account',
  account_link: 'AccountLink',
  account_session: 'AccountSession',
  balance: 'Balance',
  balance_transaction: 'BalanceTransaction',
  bank_account: 'BankAccount',
  card: 'Card',
  charge: 'Charge',
  dispute: 'Dispute',
  event: 'Event',
  login_link: 'LoginLink',
  payment_intent: 'PaymentIntent',
  payment_method: 'PaymentMethod',
  payout: 'Payout',
  refund: 'Refund',
  transfer: 'Transfer',
  transfer_reversal: 'TransferReversal',
  webhook_endpoint: 'WebhookEndpoint',
};
const deletedTypes: Record<string, string> = {
  account: 'DeletedAccount',
  bank_account: 'DeletedBankAccount',
  card: 'DeletedCard',
  webhook_endpoint: 'DeletedWebhookEndpoint',
};

/**
 * Loads the `stripe` package's declarations with the TypeScript compiler and checks JSON bodies
 * against them: required fields missing, JSON types the declaration does not allow, and string
 * values outside a declared enum.
 */
export function createShapeChecker() {
  const require = createRequire(import.meta.url);
  // `stripe` exports no `package.json`; its CommonJS entry sits in `<package>/cjs/`.
  const stripeDirectory = dirname(dirname(require.resolve('stripe')));
  const fileName = join(stripeDirectory, '__marketkit_conformance__.ts');
  const names = [...new Set([...Object.values(declaredTypes), ...Object.values(deletedTypes)])];
  const source = `import Stripe from './cjs/stripe.cjs.node.js';\n${names
    .map((name) => `export declare const ${name}: Stripe.${name};`)
    .join('\n')}\n`;
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (name) => (name === fileName ? source : readFile(name));
  host.fileExists = (name) => name === fileName || fileExists(name);
  host.getSourceFile = (name, language) =>
    name === fileName ? ts.createSourceFile(name, source, language) : getSourceFile(name, language);
  const program = ts.createProgram([fileName], options, host);
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(fileName) as ts.SourceFile;
  const roots = new Map<string, ts.Type>();
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const declaration = statement.declarationList.declarations[0] as ts.VariableDeclaration;
    roots.set(declaration.name.getText(file), checker.getTypeAtLocation(declaration));
  }
  if (roots.size !== names.length) throw new Error('Could not load the stripe declarations.');

  const flagsOf = (type: ts.Type) => type.flags;
  const membersOf = (type: ts.Type): ts.Type[] => (type.isUnion() ? type.types : [type]);
  const isObjectType = (type: ts.Type) =>
    (flagsOf(type) & ts.TypeFlags.Object) !== 0 && !checker.isArrayType(type);

  function literalValues(type: ts.Type, property: string): string[] | undefined {
    const symbol = type.getProperty(property);
    if (!symbol) return undefined;
    const propertyType = checker.getTypeOfSymbol(symbol);
    const values: string[] = [];
    for (const member of membersOf(propertyType)) {
      if (!member.isStringLiteral()) return undefined;
      values.push(member.value);
    }
    return values;
  }

  /** Picks the union member a JSON object belongs to: by its `object` or `type` tag, else the closest. */
  function chooseObjectType(
    candidates: ts.Type[],
    value: Record<string, unknown>,
    owner: string,
    path: string,
  ) {
    if (candidates.length === 1) return candidates[0] as ts.Type;
    for (const tag of ['object', 'type']) {
      if (typeof value[tag] !== 'string') continue;
      const tagged = candidates.filter((candidate) =>
        literalValues(candidate, tag)?.includes(value[tag] as string),
      );
      if (tagged.length >= 1) {
        candidates = tagged;
        if (tagged.length === 1) return tagged[0] as ts.Type;
      }
    }
    let best = candidates[0] as ts.Type;
    let fewest = Infinity;
    for (const candidate of candidates) {
      const trial: ShapeFinding[] = [];
      checkObject(value, candidate, owner, path, trial);
      if (trial.length < fewest) {
        fewest = trial.length;
        best = candidate;
      }
    }
    return best;
  }

  function describe(type: ts.Type) {
    return checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation);
  }

  function ownerName(type: ts.Type, value: Record<string, unknown>, owner: string) {
    if (typeof value.object !== 'string' || value.object === 'list') return owner;
    // Every event type (`PayoutPaidEvent`…) counts as one `Event`.
    if (value.object === 'event') return 'Event';
    return (type.aliasSymbol ?? type.getSymbol())?.getName() ?? owner;
  }

  function checkObject(
    value: Record<string, unknown>,
    type: ts.Type,
    owner: string,
    path: string,
    findings: ShapeFinding[],
  ) {
    const name = ownerName(type, value, owner);
    const base = name === owner ? path : '';
    const join = (key: string) => (base ? `${base}.${key}` : key);
    const properties = checker.getPropertiesOfType(type);
    if (properties.length === 0) {
      const indexType = checker.getIndexTypeOfType(type, ts.IndexKind.String);
      if (indexType) {
        for (const [key, item] of Object.entries(value))
          checkValue(item, indexType, name, join(key), findings);
      }
      return;
    }
    for (const property of properties) {
      const key = property.getName();
      const optional = (property.flags & ts.SymbolFlags.Optional) !== 0;
      if (!(key in value)) {
        if (!optional)
          findings.push({ objectType: name, kind: 'missing', path: join(key), detail: 'absent' });
        continue;
      }
      checkValue(value[key], checker.getTypeOfSymbol(property), name, join(key), findings);
    }
  }

  function checkValue(
    value: unknown,
    type: ts.Type,
    owner: string,
    path: string,
    findings: ShapeFinding[],
  ) {
    const members = membersOf(type);
    if (members.some((member) => flagsOf(member) & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)))
      return;
    const wrongType = (actual: string) =>
      findings.push({
        objectType: owner,
        kind: 'wrong-type',
        path,
        detail: `${actual} where the declaration says ${describe(type)}`,
      });
    if (value === null) {
      if (!members.some((member) => flagsOf(member) & ts.TypeFlags.Null)) wrongType('null');
      return;
    }
    if (typeof value === 'string') {
      // Stripe joins its enums with `OtherString` (`string & Record<never, never>`) so clients tolerate new
      // values; a value outside the listed literals is still one the declarations do not list.
      const otherString = (member: ts.Type) =>
        member.isIntersection() && member.types.some((part) => flagsOf(part) & ts.TypeFlags.String);
      const literals = members.filter((member) => member.isStringLiteral());
      const open = members.some(
        (member) =>
          flagsOf(member) & (ts.TypeFlags.String | ts.TypeFlags.TemplateLiteral) ||
          (otherString(member) && literals.length === 0),
      );
      if (open) return;
      if (literals.length === 0) return wrongType('a string');
      if (!literals.some((member) => member.value === value))
        findings.push({
          objectType: owner,
          kind: 'enum',
          path,
          detail: `'${value}' is not one of ${literals.map((member) => `'${member.value}'`).join(', ')}`,
        });
      return;
    }
    if (typeof value === 'number') {
      if (!members.some((member) => flagsOf(member) & ts.TypeFlags.NumberLike))
        wrongType('a number');
      return;
    }
    if (typeof value === 'boolean') {
      if (!members.some((member) => flagsOf(member) & ts.TypeFlags.BooleanLike))
        wrongType('a boolean');
      return;
    }
    if (Array.isArray(value)) {
      const arrayType = members.find((member) => checker.isArrayType(member));
      if (!arrayType) return wrongType('an array');
      const element = checker.getTypeArguments(arrayType as ts.TypeReference)[0];
      if (!element) return;
      for (const item of value) checkValue(item, element, owner, `${path}[]`, findings);
      return;
    }
    const candidates = members.filter(isObjectType);
    if (candidates.length === 0) return wrongType('an object');
    const record = value as Record<string, unknown>;
    checkObject(record, chooseObjectType(candidates, record, owner, path), owner, path, findings);
  }

  /** Checks one response body or webhook payload; a list is checked item by item. */
  function check(body: unknown): ShapeFinding[] {
    const findings: ShapeFinding[] = [];
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      findings.push({
        objectType: '(body)',
        kind: 'wrong-type',
        path: '',
        detail: 'not an object',
      });
      return findings;
    }
    const record = body as Record<string, unknown>;
    if (record.object === 'list' && Array.isArray(record.data)) {
      for (const item of record.data) findings.push(...check(item));
      return findings;
    }
    const objectName = typeof record.object === 'string' ? record.object : '';
    const typeName = record.deleted === true ? deletedTypes[objectName] : declaredTypes[objectName];
    const type = typeName && roots.get(typeName);
    if (!type) {
      findings.push({
        objectType: objectName || '(untagged)',
        kind: 'wrong-type',
        path: 'object',
        detail: 'no stripe declaration is mapped for this object',
      });
      return findings;
    }
    checkValue(record, type, typeName, '', findings);
    return findings;
  }

  return { check };
}
