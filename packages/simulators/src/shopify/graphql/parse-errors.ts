import { Lexer, Source, TokenKind, type GraphQLError, type Token } from 'graphql';
import type { ShopifyErrorJson } from './validation-errors';

// graphql-ruby's token names (graphql-c_parser's parser.y), which Shopify's parse errors quote.
const PUNCTUATORS: Partial<Record<TokenKind, string>> = {
  [TokenKind.BANG]: 'BANG',
  [TokenKind.DOLLAR]: 'VAR_SIGN',
  [TokenKind.AMP]: 'AMP',
  [TokenKind.PAREN_L]: 'LPAREN',
  [TokenKind.PAREN_R]: 'RPAREN',
  [TokenKind.SPREAD]: 'ELLIPSIS',
  [TokenKind.COLON]: 'COLON',
  [TokenKind.EQUALS]: 'EQUALS',
  [TokenKind.AT]: 'DIR_SIGN',
  [TokenKind.BRACKET_L]: 'LBRACKET',
  [TokenKind.BRACKET_R]: 'RBRACKET',
  [TokenKind.BRACE_L]: 'LCURLY',
  [TokenKind.PIPE]: 'PIPE',
  [TokenKind.BRACE_R]: 'RCURLY',
  [TokenKind.INT]: 'INT',
  [TokenKind.FLOAT]: 'FLOAT',
  [TokenKind.STRING]: 'STRING',
  [TokenKind.BLOCK_STRING]: 'STRING',
};

const KEYWORDS: Readonly<Record<string, string>> = {
  query: 'QUERY',
  mutation: 'MUTATION',
  subscription: 'SUBSCRIPTION',
  fragment: 'FRAGMENT',
  on: 'ON',
  true: 'TRUE_LITERAL',
  false: 'FALSE_LITERAL',
  null: 'NULL_LITERAL',
  type: 'TYPE_LITERAL',
  schema: 'SCHEMA',
  scalar: 'SCALAR',
  input: 'INPUT',
  interface: 'INTERFACE',
  union: 'UNION',
  enum: 'ENUM',
  directive: 'DIRECTIVE',
  extend: 'EXTEND',
  implements: 'IMPLEMENTS',
  repeatable: 'REPEATABLE',
};

function tokenName(token: Token): string {
  if (token.kind === TokenKind.NAME) return KEYWORDS[token.value] ?? 'IDENTIFIER';
  return PUNCTUATORS[token.kind] ?? 'invalid token';
}

function tokenText(source: string, token: Token): string {
  return token.kind === TokenKind.STRING || token.kind === TokenKind.BLOCK_STRING ? token.value : source.slice(token.start, token.end);
}

/**
 * A document graphql-js cannot parse, answered as Shopify does (capture
 * graphql-base-validation-unhappy-paths, 2025-01): HTTP 200, no data, no cost, and
 * `{"message":"syntax error, unexpected end of file at [3, 5]","locations":[…],"extensions":{"code":"PARSE_ERROR"}}`.
 * graphql-ruby places the error on the last token it read, so at the end of the text that is the
 * last real token, not the end itself. Its bison parser sometimes appends "expecting …"; that list
 * needs its grammar tables and is left out, the code and location are what clients rely on.
 */
export function toShopifyParseError(text: string, error: GraphQLError): ShopifyErrorJson {
  const at = error.positions?.[0] ?? 0;
  const lexer = new Lexer(new Source(text));
  let previous: Token | undefined;
  let offending: Token | undefined;
  try {
    for (let token = lexer.advance(); ; token = lexer.advance()) {
      if (token.kind === TokenKind.EOF || token.start >= at) {
        offending = token;
        break;
      }
      previous = token;
    }
  } catch {
    // The lexer itself failed (a stray character, an unterminated string): no token to name.
  }
  const fallback = error.locations?.[0] ?? { line: 1, column: 1 };
  const where = offending?.kind === TokenKind.EOF ? (previous ?? fallback) : (offending ?? fallback);
  const unexpected =
    offending === undefined ? 'invalid token' : offending.kind === TokenKind.EOF ? 'end of file' : `${tokenName(offending)} (${JSON.stringify(tokenText(text, offending))})`;
  return {
    message: `syntax error, unexpected ${unexpected} at [${where.line}, ${where.column}]`,
    locations: [{ line: where.line, column: where.column }],
    extensions: { code: 'PARSE_ERROR' },
  };
}
