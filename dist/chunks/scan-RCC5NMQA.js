import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);
import {
  InputError,
  UsageError
} from "./chunk-7KBCVPFB.js";
import {
  RULES,
  STATIC_RULE_META,
  analyzePrepared,
  analyzeText,
  isPrepared,
  scanFile
} from "./chunk-TPABXUSD.js";
import {
  languageOf
} from "./chunk-KSXVKZTT.js";
import "./chunk-AICJTZXL.js";
import {
  toModelPath
} from "./chunk-GQQAAGHG.js";
import {
  __commonJS,
  __toESM
} from "./chunk-GHFI43B4.js";

// node_modules/ignore/index.js
var require_ignore = __commonJS({
  "node_modules/ignore/index.js"(exports, module) {
    function makeArray(subject) {
      return Array.isArray(subject) ? subject : [subject];
    }
    var UNDEFINED = void 0;
    var EMPTY = "";
    var SPACE = " ";
    var ESCAPE = "\\";
    var REGEX_LITERAL_SPECIAL = /[.*+?()[\]{}^$|\\/]/;
    var BOM = "\uFEFF";
    var REGEX_ANCHORED_GLOBSTAR = /^\/\*{2,}$/;
    var REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION = /^\\!/;
    var REGEX_REPLACE_LEADING_EXCAPED_HASH = /^\\#/;
    var REGEX_SPLITALL_CRLF = /\r?\n/g;
    var DOUBLE_SLASH = "//";
    var SLASH_CODE = 47;
    var DOT_CODE = 46;
    var SLASH = "/";
    var TMP_KEY_IGNORE = "node-ignore";
    if (typeof Symbol !== "undefined") {
      TMP_KEY_IGNORE = /* @__PURE__ */ Symbol.for("node-ignore");
    }
    var KEY_IGNORE = TMP_KEY_IGNORE;
    var define = (object, key, value) => {
      Object.defineProperty(object, key, { value });
      return value;
    };
    var RETURN_FALSE = () => false;
    var POSIX_CLASSES = {
      alnum: "0-9A-Za-z",
      alpha: "A-Za-z",
      blank: " \\t",
      cntrl: "\\x00-\\x1f\\x7f",
      digit: "0-9",
      graph: "!-.0-~",
      lower: "a-z",
      print: " -.0-~",
      punct: "!-.:-@\\[-`{-~",
      // git's `sane-ctype.h` classifies \v and \f as control, not space,
      //   unlike C's `isspace`
      space: " \\t\\n\\r",
      upper: "A-Z",
      xdigit: "0-9A-Fa-f"
    };
    var CLASS_MEMBERS_TO_ESCAPE = "\\]^-[";
    var escapeMember = (char) => CLASS_MEMBERS_TO_ESCAPE.indexOf(char) < 0 ? char : ESCAPE + char;
    var NON_SLASH = "(?!\\/)";
    var classSource = (negated, body) => {
      if (negated) {
        return `[^\\/${body}]`;
      }
      const source = `[${body}]`;
      return new RegExp(source).test("/") ? NON_SLASH + source : source;
    };
    var scanBracket = (pattern, start) => {
      const { length } = pattern;
      let index = start + 1;
      let negated = EMPTY;
      const lead = pattern[index];
      if (lead === "!" || lead === "^") {
        negated = "^";
        index++;
      }
      let body = EMPTY;
      let prev = EMPTY;
      for (; ; ) {
        const char = pattern[index];
        if (char === UNDEFINED) {
          return null;
        }
        if (char === ESCAPE) {
          const escaped = pattern[++index];
          body += escapeMember(escaped);
          prev = escaped;
        } else if (char === "-" && prev && index + 1 < length && pattern[index + 1] !== "]") {
          index++;
          let to = pattern[index];
          if (to === ESCAPE) {
            to = pattern[index += 1];
          }
          if (prev <= to) {
            body += `-${escapeMember(to)}`;
          }
          prev = EMPTY;
        } else if (char === "[" && pattern[index + 1] === ":") {
          const nameStart = index + 2;
          let end = nameStart;
          while (end < length && pattern[end] !== "]") {
            end++;
          }
          if (end === length) {
            return null;
          }
          if (end > nameStart && pattern[end - 1] === ":") {
            const name = pattern.slice(nameStart, end - 1);
            if (!Object.prototype.hasOwnProperty.call(POSIX_CLASSES, name)) {
              return null;
            }
            body += POSIX_CLASSES[name];
            prev = EMPTY;
            index = end;
          } else {
            body += escapeMember("[");
            prev = "[";
            index = nameStart - 2;
          }
        } else {
          body += escapeMember(char);
          prev = char;
        }
        index++;
        if (pattern[index] === "]") {
          return {
            end: index,
            source: classSource(negated, body)
          };
        }
      }
    };
    var NEVER_MATCH = "[]";
    var PLACEHOLDER = "\0";
    var REGEX_RESTORE_PLACEHOLDER = new RegExp(
      `${PLACEHOLDER}(\\d+)${PLACEHOLDER}`,
      "g"
    );
    var TRAILING_WILDCARD = "\uE000";
    var TRAILING_DOUBLESTAR = "\uE001";
    var isReserved = (char) => char === PLACEHOLDER || char === TRAILING_WILDCARD || char === TRAILING_DOUBLESTAR;
    var extractBrackets = (pattern) => {
      const sources = [];
      const hold = (source) => `${PLACEHOLDER}${sources.push(source) - 1}${PLACEHOLDER}`;
      const { length } = pattern;
      let out = EMPTY;
      let index = 0;
      while (index < length) {
        const char = pattern[index];
        if (char === ESCAPE) {
          const escaped = pattern[index + 1];
          if (escaped === SLASH && index + 2 === length) {
            out += hold(NEVER_MATCH);
          } else if (escaped === "*" || escaped === "[" || escaped === SPACE) {
            out += pattern.slice(index, index + 2);
          } else {
            out += hold(
              REGEX_LITERAL_SPECIAL.test(escaped) ? ESCAPE + escaped : isReserved(escaped) ? `[${escaped}]` : escaped
            );
          }
          index += 2;
        } else if (isReserved(char)) {
          out += hold(`[${char}]`);
          index++;
        } else if (char === "[") {
          const scanned = scanBracket(pattern, index);
          if (scanned === null) {
            out += hold(NEVER_MATCH);
            index = length;
          } else {
            out += hold(scanned.source);
            index = scanned.end + 1;
          }
        } else {
          out += char;
          index++;
        }
      }
      return {
        source: out,
        sources
      };
    };
    var DIRECT = null;
    var REGEX_INNER_SLASH = /\/(?!$)/;
    var WILDCARD = "[^\\/]*";
    var REPLACERS = [
      // Replace (\ ) with ' '
      // Only a space: an escaped tab or other whitespace is already a literal by
      //   the time it reaches here, and a bare tab must be left as one, not turned
      //   into a space.
      // (\ ) -> ' '
      // (\\ ) -> '\\ '
      // (\\\ ) -> '\\ '
      [
        // A run of backslashes is taken whole, from its first one, so no match
        //   ever starts again inside it -- `(\\+?) ` did, which made a long run
        //   quadratic.
        /(\\+)( ?)/g,
        (_, run, space) => space ? run.slice(0, run.length - run.length % 2) + SPACE : run,
        ESCAPE + SPACE
      ],
      // git's wildmatch() reads a run of two or more asterisks as one globstar
      //   whenever the run fills a path segment: it starts the pattern or follows
      //   a `/`, and it ends the pattern or comes before a `/`. A run of two is
      //   already `**`; a longer one is folded into `**` here, so the steps
      //   below only ever have to know `**`.
      // `***/foo` -> `**/foo`, `a/***/b` -> `a/**/b`, `a/***` -> `a/**`
      // git also takes a run beside a literal prefix (`a***/b`) or beside an
      //   escaped slash (`***\/b`) as a globstar, and this does not; the README
      //   lists both, under "A run of asterisks".
      [
        /(^|\/)\*{3,}(?=\/|$)/g,
        (_, start) => `${start}**`,
        "*"
      ],
      // Escape metacharacters
      // which is written down by users but means special for regular expressions.
      // > There are 12 characters with special meanings:
      // > - the backslash \,
      // > - the caret ^,
      // > - the dollar sign $,
      // > - the period or dot .,
      // > - the vertical bar or pipe symbol |,
      // > - the question mark ?,
      // > - the asterisk or star *,
      // > - the plus sign +,
      // > - the opening parenthesis (,
      // > - the closing parenthesis ),
      // > - and the opening square bracket [,
      // > - the opening curly brace {,
      // > These special characters are often called "metacharacters".
      [
        /[\\$.|*+(){^]/g,
        (match) => `\\${match}`
      ],
      [
        // > a question mark (?) matches a single character
        /(?!\\)\?/g,
        () => "[^/]",
        "?"
      ],
      // leading slash
      [
        // > A leading slash matches the beginning of the pathname.
        // > For example, "/*.c" matches "cat-file.c" but not "mozilla-sha1/sha1.c".
        // A leading slash matches the beginning of the pathname
        /^\//,
        () => "^",
        SLASH
      ],
      // replace special metacharacter slash after the leading slash
      [
        /\//g,
        () => "\\/",
        SLASH
      ],
      [
        // > A leading "**" followed by a slash means match in all directories.
        // > For example, "**/foo" matches file or directory "foo" anywhere,
        // > the same as pattern "foo".
        // > "**/foo/bar" matches file or directory "bar" anywhere that is directly
        // >   under directory "foo".
        // Notice that the '*'s have been replaced as '\\*'
        /^\^*(?:\\\*\\\*\\\/)+/,
        // '**/foo' <-> 'foo'
        () => "(?:^|\\/)",
        "*"
      ],
      // starting
      [
        // there will be no leading '/'
        //   (which has been replaced by section "leading slash")
        // If starts with '**', adding a '^' to the regular expression also works
        DIRECT,
        (source, pattern) => {
          if (!source || source[0] === "^" || source[0] === "(") {
            return source;
          }
          const anchor = !REGEX_INNER_SLASH.test(pattern) ? "(?:^|\\/)" : "^";
          return anchor + source;
        }
      ],
      // two globstars
      [
        // Use lookahead assertions so that we could match more than one `'/**'`
        /\\\/\\\*\\\*(?=\\\/|$)/g,
        // Zero, one or several directories
        // should not use '*', or it will be replaced by the next replacer
        // Check if it is not the last `'/**'`
        (_, index, str) => index + 6 < str.length ? str.slice(index + 6) === "\\/" ? "(?:\\/[^\\/]+)+" : "(?:\\/[^\\/]+)*" : `\\/${TRAILING_DOUBLESTAR}`,
        "*"
      ],
      // normal intermediate wildcards
      [
        // Never replace escaped '*'
        // ignore rule '\*' will match the path '*'
        // 'abc.*/' -> go
        // 'abc.*'  -> skip this rule,
        //    coz trailing single wildcard will be handed by [trailing wildcard]
        /(^|[^\\])(?:\\\*)+(?!$)/g,
        // '*.js' matches '.js'
        // '*.js' doesn't match 'abc'
        // 1. An asterisk "*" matches anything except a slash.
        // 2. Other consecutive asterisks are considered regular asterisks
        //    and collapse into one non-slash wildcard run.
        (_, p1) => p1 + WILDCARD,
        "*"
      ],
      // trailing wildcard, held apart from a literal star
      [
        // The step above leaves a trailing `*` alone, so a single `\*` is all that
        //   can be left at the end here, and what stands in front of it says which
        //   kind it is. A wildcard arrives as the escaper wrote it, `\*` with
        //   nothing before it; a literal arrives as the user's own escape, which
        //   the escaper doubled, and then the star's own -- `\\` and then `\*`.
        //   There is no third case: every backslash still reaching the chain is
        //   one `\*`, `\[` or `\ ` carries itself, and each is followed by its
        //   own character, so a longer run can never form. This runs while the
        //   two are still distinct, before the unescape steps below collapse the
        //   literal onto the very `\*` a wildcard leaves behind.
        /(^|[^\\])((?:\\\\)*)\\\*$/,
        (match, p1, p2) => p2 === EMPTY ? p1 + TRAILING_WILDCARD : match,
        "*"
      ],
      [
        // unescape, revert step 3 except for back slash
        // For example, if a user escape a '\\*',
        // after step 3, the result will be '\\\\\\*'
        /\\\\\\(?=[$.|*+(){^])/g,
        () => ESCAPE,
        ESCAPE + ESCAPE
      ],
      [
        // '\\\\' -> '\\'
        /\\\\/g,
        () => ESCAPE,
        ESCAPE + ESCAPE
      ],
      [
        // Every real bracket expression -- POSIX classes included -- has already
        //   been held aside by `extractBrackets`, so the only `[` left in the
        //   pattern is an escaped, literal one.
        // A backslash could only stand at the end of the range if it quoted the
        //   `]`, and `\]` is held aside long before this.
        /\\\[([^\]/]*?)($|\])/g,
        // '\\[bar]' -> '\\\\[bar]'
        (match, range, close) => `\\[${range}${close}`,
        "["
      ],
      // ending
      [
        // 'js' will not match 'js.'
        // 'ab' will not match 'abc'
        DIRECT,
        // WTF!
        // https://git-scm.com/docs/gitignore
        // changes in [2.22.1](https://git-scm.com/docs/gitignore/2.22.1)
        // which re-fixes #24, #38
        // > If there is a separator at the end of the pattern then the pattern
        // > will only match directories, otherwise the pattern can match both
        // > files and directories.
        // 'js*' will not match 'a.js'
        // 'js/' will not match 'a.js'
        // 'js' will match 'a.js' and 'a.js/'
        (source) => {
          const last = source[source.length - 1];
          if (!last || last === TRAILING_WILDCARD || last === TRAILING_DOUBLESTAR) {
            return source;
          }
          return last === SLASH ? `${source}$` : `${source}(?=$|\\/$)`;
        }
      ]
    ];
    var REGEX_REPLACE_TRAILING_WILDCARD = /(^|\\\/)?\uE000$/;
    var MODE_IGNORE = "regex";
    var MODE_CHECK_IGNORE = "checkRegex";
    var UNDERSCORE = "_";
    var replaceTrailingWildcard = (_, p1) => {
      const prefix = p1 ? `${p1}[^/]+` : "[^/]*";
      return `${prefix}(?=$|\\/$)`;
    };
    var REGEX_REPLACE_TRAILING_DOUBLESTAR = /\uE001$/;
    var replaceTrailingDoublestar = () => "[\\s\\S]";
    var separatorAfter = (run, at) => {
      let separator = EMPTY;
      for (let index = at + 1; index < run.length && !run[index].wildcard; index++) {
        separator += run[index].single;
      }
      return separator;
    };
    var pinWildcards = (source) => {
      if (source.indexOf(WILDCARD) < 0) {
        return source;
      }
      const tokens = [];
      const { length } = source;
      let index = 0;
      while (index < length) {
        const char = source[index];
        if (source.startsWith(WILDCARD, index)) {
          tokens.push({ wildcard: true });
          index += WILDCARD.length;
        } else if (char === "[") {
          let end = index + 1;
          if (source[end] === "^") {
            end++;
          }
          if (source[end] === "]") {
            end++;
          }
          while (end < length && source[end] !== "]") {
            end += source[end] === ESCAPE ? 2 : 1;
          }
          end++;
          tokens.push({ single: source.slice(index, end) });
          index = end;
        } else if (char === ESCAPE) {
          tokens.push({ single: source.slice(index, index + 2) });
          index += 2;
        } else if (char === "(") {
          let depth = 0;
          let end = index;
          do {
            if (source[end] === ESCAPE) {
              end++;
            } else if (source[end] === "(") {
              depth++;
            } else if (source[end] === ")") {
              depth--;
            }
            end++;
          } while (end < length && depth > 0);
          if ("*+?".indexOf(source[end]) >= 0) {
            end++;
          }
          tokens.push({ boundary: source.slice(index, end) });
          index = end;
        } else if (char === "^" || char === "$") {
          tokens.push({ boundary: char });
          index++;
        } else {
          tokens.push({ single: char });
          index++;
        }
      }
      let out = EMPTY;
      let run = [];
      const flush = () => {
        let lastWildcard;
        run.forEach((token, at) => {
          if (token.wildcard) {
            lastWildcard = at;
          }
        });
        run.forEach((token, at) => {
          if (!token.wildcard) {
            out += token.single;
            return;
          }
          out += at === lastWildcard ? WILDCARD : `(?:(?!${separatorAfter(run, at)})[^\\/])*`;
        });
        run = [];
      };
      tokens.forEach((token) => {
        if (token.boundary === void 0) {
          run.push(token);
          return;
        }
        flush();
        out += token.boundary;
      });
      flush();
      return out;
    };
    var makeRegexPrefix = (pattern) => {
      if (REGEX_ANCHORED_GLOBSTAR.test(pattern)) {
        pattern = "**";
      }
      const { source, sources } = extractBrackets(pattern);
      const replaced = REPLACERS.reduce(
        // A pass whose matcher finds nothing hands back the very string it was
        //   given, so asking first costs a search and saves a rewrite. Ten of the
        //   fifteen passes never fire for a typical .gitignore line, and between
        //   them they were 45% of this chain.
        (prev, [matcher2, replacer, required]) => {
          if (matcher2 === DIRECT) {
            return replacer(prev, pattern);
          }
          if (required !== UNDEFINED && prev.indexOf(required) < 0) {
            return prev;
          }
          return matcher2.test(prev) ? prev.replace(matcher2, replacer.bind(pattern)) : prev;
        },
        source
      );
      return sources.length ? replaced.replace(
        REGEX_RESTORE_PLACEHOLDER,
        (match, index) => sources[index]
      ) : replaced;
    };
    var checkSourceOf = (body, prefix) => {
      if (body[body.length - 1] === SLASH) {
        prefix = makeRegexPrefix(body.slice(0, -1));
      }
      const head = prefix.slice(0, -1);
      const last = prefix[prefix.length - 1];
      return last === TRAILING_WILDCARD ? `${head}$` : last === TRAILING_DOUBLESTAR ? head : NEVER_MATCH;
    };
    var matchesBasename = (body) => {
      const index = body.indexOf(SLASH);
      return index < 0 || index === body.length - 1;
    };
    var basenameOf = (path3) => {
      const end = path3.length - 1;
      const index = path3.lastIndexOf(
        SLASH,
        path3[end] === SLASH ? end - 1 : end
      );
      return index < 0 ? path3 : path3.slice(index + 1);
    };
    var parentOf = (path3) => {
      if (path3.charCodeAt(0) === SLASH_CODE || path3.indexOf(DOUBLE_SLASH) >= 0) {
        const slices = path3.split(SLASH).filter(Boolean);
        slices.pop();
        return slices.length ? slices.join(SLASH) + SLASH : EMPTY;
      }
      const end = path3.length - 1;
      const cut = path3.lastIndexOf(
        SLASH,
        path3.charCodeAt(end) === SLASH_CODE ? end - 1 : end
      );
      return cut < 0 ? EMPTY : path3.slice(0, cut + 1);
    };
    var isString = (subject) => typeof subject === "string";
    var checkPattern = (pattern) => pattern && isString(pattern);
    var splitPattern = (pattern) => (pattern[pattern.length - 1] === "\r" ? pattern.slice(0, -1) : pattern).split(REGEX_SPLITALL_CRLF).filter(Boolean);
    var IgnoreRule = class {
      constructor(pattern, mark, body, ignoreCase, negative, prefix) {
        this.pattern = pattern;
        this.mark = mark;
        this.negative = negative;
        define(this, "body", body);
        define(this, "ignoreCase", ignoreCase);
        define(this, "regexPrefix", prefix);
      }
      // Worked out on first use and kept behind an own property, the way `regex`
      //   caches itself in `_regex`. Deciding it in the constructor instead would
      //   add a fourth `defineProperty` to every rule ever built, which cost 4% of
      //   every compile -- including the compiles of rules that are never matched
      //   against anything.
      get _basenameOnly() {
        return define(this, "_basenameOnly", matchesBasename(this.body));
      }
      get regex() {
        const key = UNDERSCORE + MODE_IGNORE;
        if (this[key]) {
          return this[key];
        }
        return this._make(MODE_IGNORE, key);
      }
      get checkRegex() {
        const key = UNDERSCORE + MODE_CHECK_IGNORE;
        if (this[key]) {
          return this[key];
        }
        return this._make(MODE_CHECK_IGNORE, key);
      }
      _make(mode, key) {
        const str = pinWildcards(
          mode === MODE_IGNORE ? this.regexPrefix.replace(REGEX_REPLACE_TRAILING_WILDCARD, replaceTrailingWildcard).replace(REGEX_REPLACE_TRAILING_DOUBLESTAR, replaceTrailingDoublestar) : checkSourceOf(this.body, this.regexPrefix)
        );
        const regex = this.ignoreCase ? new RegExp(str, "i") : new RegExp(str);
        return define(this, key, regex);
      }
    };
    var hasTrailingBackslash = (str) => {
      let count = 0;
      while (str[str.length - count - 1] === ESCAPE) {
        count++;
      }
      return count % 2 === 1;
    };
    var trimEnd = (body, stripLineEnd) => {
      let lineEnd = body.length;
      let end;
      for (; ; ) {
        if (stripLineEnd && body[lineEnd - 1] === "\r") {
          lineEnd--;
        }
        end = lineEnd;
        while (body[end - 1] === SPACE) {
          end--;
        }
        if (!stripLineEnd || body[end - 1] !== "\n") {
          break;
        }
        lineEnd = end - 1;
      }
      if (end === lineEnd) {
        return body.slice(0, lineEnd);
      }
      let backslashes = 0;
      while (body[end - backslashes - 1] === ESCAPE) {
        backslashes++;
      }
      return backslashes % 2 ? body.slice(0, end - 1) + SPACE : body.slice(0, end);
    };
    var createRule = (pattern, mark, ignoreCase, stripLineEnd, stripBOM) => {
      let body = stripBOM && pattern[0] === BOM ? pattern.slice(1) : pattern;
      if (body[0] === "#") {
        return;
      }
      let negative = false;
      if (body[0] === "!") {
        negative = true;
        body = body.slice(1);
      }
      const last = body[body.length - 1];
      if (last === SPACE || stripLineEnd && (last === "\r" || last === "\n")) {
        body = trimEnd(body, stripLineEnd);
      }
      if (!body || hasTrailingBackslash(body)) {
        return;
      }
      body = body.replace(REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION, "!").replace(REGEX_REPLACE_LEADING_EXCAPED_HASH, "#");
      const regexPrefix = makeRegexPrefix(body);
      return new IgnoreRule(
        pattern,
        mark,
        body,
        ignoreCase,
        negative,
        regexPrefix
      );
    };
    var RuleManager = class {
      constructor(ignoreCase) {
        this._ignoreCase = ignoreCase;
        this._rules = [];
        this._basenameCount = 0;
      }
      _add(pattern, index) {
        if (pattern && pattern[KEY_IGNORE]) {
          this._rules = this._rules.concat(pattern._rules._rules);
          this._basenameCount += pattern._rules._basenameCount;
          this._added = true;
          return;
        }
        const isStr = isString(pattern);
        const raw = isStr ? pattern : pattern.pattern;
        const rule = checkPattern(raw) && createRule(
          raw,
          isStr ? UNDEFINED : pattern.mark,
          this._ignoreCase,
          !this._split,
          this._stripBOM && !index
        );
        if (rule) {
          this._added = true;
          this._rules.push(rule);
          if (matchesBasename(rule.body)) {
            this._basenameCount++;
          }
        }
      }
      // @param {Array<string> | string | Ignore} pattern
      add(pattern) {
        this._added = false;
        this._split = isString(pattern);
        this._stripBOM = !this._split || pattern[0] === BOM;
        makeArray(
          this._split ? splitPattern(pattern) : pattern
        ).forEach(this._add, this);
        if (this._added) {
          this._literalRules = UNDEFINED;
        }
        return this._added;
      }
      // Match the literal 'abc/' for `checkIgnore`, last rule wins. Only a rule
      //   ending in a wildcard can match it (see `checkSourceOf`), so the rest
      //   are left out once, rather than tested or compiled for every path.
      testLiteral(path3) {
        const rules = this._literalRules || (this._literalRules = this._rules.filter(
          ({ body }) => body[body.length - (body[body.length - 1] === SLASH ? 2 : 1)] === "*"
        ));
        let ignored2 = false;
        let unignored = false;
        let matchedRule;
        for (let index = rules.length - 1; index >= 0; index--) {
          const rule = rules[index];
          if (rule.checkRegex.test(path3)) {
            ignored2 = !rule.negative;
            unignored = rule.negative;
            matchedRule = rule.negative ? UNDEFINED : rule;
            break;
          }
        }
        const ret = {
          ignored: ignored2,
          unignored
        };
        if (matchedRule) {
          ret.rule = matchedRule;
        }
        return ret;
      }
      // Test one single path without recursively checking parent directories
      //
      // - mode `string` either `MODE_IGNORE` or `MODE_CHECK_IGNORE`
      // @returns {TestResult}
      test(path3, mode) {
        const rules = this._rules;
        const { length } = rules;
        const shortcut = this._basenameCount * 2 >= length;
        const basename = shortcut ? basenameOf(path3) : path3;
        for (let index = length - 1; index >= 0; index--) {
          const rule = rules[index];
          if (rule[mode].test(
            shortcut && rule._basenameOnly ? basename : path3
          )) {
            const { negative } = rule;
            const ret = {
              ignored: !negative,
              unignored: negative
            };
            if (!negative) {
              ret.rule = rule;
            }
            return ret;
          }
        }
        return {
          ignored: false,
          unignored: false
        };
      }
    };
    var throwError = (message, Ctor) => {
      throw new Ctor(message);
    };
    var checkPath = (path3, originalPath, doThrow) => {
      if (!isString(path3)) {
        return doThrow(
          `path must be a string, but got \`${originalPath}\``,
          TypeError
        );
      }
      if (!path3) {
        return doThrow(`path must not be empty`, TypeError);
      }
      if (checkPath.isNotRelative(path3)) {
        const r = "`path.relative()`d";
        return doThrow(
          `path should be a ${r} string, but got "${originalPath}"`,
          RangeError
        );
      }
      return true;
    };
    var isNotRelative = (path3) => {
      const first = path3.charCodeAt(0);
      if (first === SLASH_CODE) {
        return true;
      }
      if (first !== DOT_CODE) {
        return false;
      }
      if (path3.length === 1) {
        return true;
      }
      const second = path3.charCodeAt(1);
      if (second === SLASH_CODE) {
        return true;
      }
      if (second !== DOT_CODE) {
        return false;
      }
      return path3.length === 2 || path3.charCodeAt(2) === SLASH_CODE;
    };
    checkPath.isNotRelative = isNotRelative;
    checkPath.convert = (p) => p;
    var convertPath = (target) => isString(target) && checkPath.convert(target);
    var Ignore = class {
      constructor({
        ignorecase = true,
        ignoreCase = ignorecase,
        allowRelativePaths = false
      } = {}) {
        define(this, KEY_IGNORE, true);
        this._rules = new RuleManager(ignoreCase);
        this._strictPathCheck = !allowRelativePaths;
        this._initCache();
      }
      _initCache() {
        this._ignoreCache = /* @__PURE__ */ Object.create(null);
        this._testCache = /* @__PURE__ */ Object.create(null);
      }
      add(pattern) {
        if (this._rules.add(pattern)) {
          this._initCache();
        }
        return this;
      }
      // legacy
      addPattern(pattern) {
        return this.add(pattern);
      }
      // @returns {TestResult}
      _test(originalPath, cache, path3) {
        checkPath(
          path3,
          originalPath,
          this._strictPathCheck ? throwError : RETURN_FALSE
        );
        return path3 ? this._t(path3, cache) : {
          ignored: false,
          unignored: false
        };
      }
      checkIgnore(target) {
        const path3 = convertPath(target);
        if (!path3 || path3.charCodeAt(path3.length - 1) !== SLASH_CODE) {
          return this._test(target, this._testCache, path3);
        }
        const dir = this._t(path3, this._testCache);
        if (dir.ignored) {
          return dir;
        }
        const literal = this._rules.testLiteral(path3);
        return literal.ignored || literal.unignored ? literal : dir;
      }
      _t(path3, cache) {
        const cached = cache[path3];
        if (cached) {
          return cached;
        }
        const parentPath = parentOf(path3);
        const parent = parentPath ? this._t(parentPath, cache) : UNDEFINED;
        return cache[path3] = parent && parent.ignored ? parent : this._rules.test(path3, MODE_IGNORE);
      }
      ignores(path3) {
        return this._test(path3, this._ignoreCache, convertPath(path3)).ignored;
      }
      createFilter() {
        return (path3) => !this.ignores(path3);
      }
      filter(paths) {
        return makeArray(paths).filter(this.createFilter());
      }
      // @returns {TestResult}
      test(path3) {
        return this._test(path3, this._testCache, convertPath(path3));
      }
    };
    var factory = (options) => new Ignore(options);
    var isPathValid = (path3) => checkPath(convertPath(path3), path3, RETURN_FALSE);
    var setupWindows = () => {
      const makePosix = (str) => /^\\\\\?\\/.test(str) || /["<>|\u0000-\u001F]+/u.test(str) ? str : str.replace(/\\/g, "/");
      checkPath.convert = makePosix;
      const REGEX_TEST_WINDOWS_PATH_ABSOLUTE = /^[a-z]:\//i;
      checkPath.isNotRelative = (path3) => REGEX_TEST_WINDOWS_PATH_ABSOLUTE.test(path3) || isNotRelative(path3);
    };
    if (
      // Detect `process` so that it can run in browsers.
      typeof process !== "undefined" && process.platform === "win32"
    ) {
      setupWindows();
    }
    module.exports = factory;
    factory.default = factory;
    module.exports.isPathValid = isPathValid;
    define(module.exports, /* @__PURE__ */ Symbol.for("setupWindows"), setupWindows);
  }
});

// src/scan/baseline.ts
import { readFile } from "node:fs/promises";
function baselineKey(e) {
  return `${e.ruleId}\0${e.file}\0${e.fingerprint}`;
}
function toBaseline(findings) {
  const entries = findings.filter((f) => f.kind === "static").map((f) => ({ ruleId: f.ruleId, file: f.file, fingerprint: String(f.properties?.fingerprint ?? "") }));
  entries.sort((a, b) => baselineKey(a) < baselineKey(b) ? -1 : 1);
  return { version: 1, findings: entries };
}
async function readBaseline(file) {
  let raw;
  try {
    raw = JSON.parse((await readFile(file, "utf8")).replace(/^\uFEFF/, ""));
  } catch (e) {
    const code = e.code;
    throw new InputError(code ? `cannot read baseline ${file}: ${code}` : `baseline ${file} is not valid JSON`);
  }
  const b = raw;
  if (!b || b.version !== 1 || !Array.isArray(b.findings) || !b.findings.every((e) => e && typeof e.ruleId === "string" && typeof e.file === "string" && typeof e.fingerprint === "string")) {
    throw new InputError(`baseline ${file}: expected {"version": 1, "findings": [{"ruleId", "file", "fingerprint"}]}`);
  }
  return b;
}

// src/scan/pool.ts
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
var MIN_FILES_FOR_THREADS = 2e3;
var BATCH = 32;
var STACK_MB = (984 + 192) / 1024;
function threadsFor(files, requested) {
  if (requested !== void 0) return Math.max(0, Math.floor(requested));
  if (files < MIN_FILES_FOR_THREADS) return 0;
  return Math.min(availableParallelism() - 1, 3);
}
function workerEntry() {
  const here = import.meta.url;
  if (here.endsWith(".ts")) return new URL("./worker.ts", here);
  let dir = path.dirname(fileURLToPath(here));
  for (let i = 0; i < 2; i++) {
    const f = path.join(dir, "scan-worker.js");
    if (existsSync(f)) return pathToFileURL(f);
    dir = path.dirname(dir);
  }
  return void 0;
}
function startWorker(entry, setup) {
  const options = { workerData: setup, resourceLimits: { stackSizeMb: STACK_MB } };
  if (!entry.pathname.endsWith(".ts")) return new Worker(entry, options);
  const tsx = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { ...options, eval: true });
}
var yieldToEvents = () => new Promise((resolve) => setImmediate(resolve));
async function scanInWorkers(tasks, opts, threads, onDone) {
  const out = new Array(tasks.length);
  const next = new Int32Array(new SharedArrayBuffer(4));
  const handedBack = [];
  const entry = workerEntry();
  let problem = entry ? void 0 : "the worker entry (scan-worker.js) was not found";
  const workers = [];
  let running = 0;
  let wake;
  const poke = () => {
    wake?.();
    wake = void 0;
  };
  const setup = { ...opts, handBack: ["javascript", "typescript"], tasks: [...tasks], next, batch: BATCH };
  const done = (i, o) => {
    out[i] = o;
    onDone?.(o);
  };
  for (let w = 0; entry && w < threads; w++) {
    let worker;
    try {
      worker = startWorker(entry, setup);
    } catch (e) {
      problem ??= e.message;
      break;
    }
    workers.push(worker);
    running++;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      running--;
      poke();
    };
    worker.on("message", (reply) => {
      if ("done" in reply) finish();
      else {
        reply.items.forEach((item, k) => isPrepared(item) ? handedBack.push([reply.start + k, item]) : done(reply.start + k, item));
        poke();
      }
    });
    worker.on("error", (e) => {
      problem ??= e.message;
      finish();
    });
    worker.on("exit", (code) => {
      if (!finished) problem ??= `a worker thread stopped (exit code ${code})`;
      finish();
    });
  }
  for (; ; ) {
    const back = handedBack.shift();
    if (back) done(back[0], await analyzePrepared(back[1], opts));
    else {
      const start = Atomics.add(next, 0, BATCH);
      if (start < tasks.length) {
        for (let i = start; i < Math.min(start + BATCH, tasks.length); i++) done(i, await scanFile(tasks[i], opts));
      } else if (running > 0) {
        await new Promise((resolve) => wake = resolve);
        continue;
      } else break;
    }
    await yieldToEvents();
  }
  await Promise.all(workers.map((w) => w.terminate()));
  for (let i = 0; i < tasks.length; i++) if (!out[i]) done(i, await scanFile(tasks[i], opts));
  return problem ? { outcomes: out, problem } : { outcomes: out };
}

// src/scan/walker.ts
var import_ignore = __toESM(require_ignore(), 1);
import { readFileSync, readdirSync, realpathSync, statSync } from "node:fs";
import path2 from "node:path";
var VENDORED = /* @__PURE__ */ new Set(["node_modules", "vendor", "third_party", "third-party", ".git", ".hg", ".svn", "bower_components", "__pycache__", ".venv", ".tox"]);
var DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;
var picomatch;
async function loadGlobEngine() {
  picomatch ??= (await import("./picomatch-XD74A3TR.js")).default;
}
function compileGlob(glob, where) {
  if (!picomatch) throw new Error("compileGlob before loadGlobEngine()");
  let re;
  try {
    re = picomatch.makeRe(glob, { strictBrackets: true, dot: true });
  } catch (e) {
    throw new UsageError(`bad glob "${glob}" in ${where}: ${e.message}`);
  }
  if (re.source === "$^") throw new UsageError(`bad glob "${glob}" in ${where}: it can never match`);
  const base = !glob.includes("/");
  return (p) => re.test(p) || base && re.test(p.slice(p.lastIndexOf("/") + 1));
}
function matcher(globs, where) {
  if (!globs || globs.length === 0) return void 0;
  const fns = globs.map((g) => compileGlob(g, where));
  return (p) => fns.some((f) => f(p));
}
function loadIgnore(dir) {
  try {
    return { dir, ig: (0, import_ignore.default)().add(readFileSync(path2.join(dir, ".gitignore"), "utf8")) };
  } catch {
    return void 0;
  }
}
function exists(p) {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}
function ancestorIgnores(dir) {
  const out = [];
  let d = path2.dirname(dir);
  for (let i = 0; i < 20; i++) {
    const l = loadIgnore(d);
    if (l) out.unshift(l);
    if (exists(path2.join(d, ".git"))) break;
    const up = path2.dirname(d);
    if (up === d) break;
    d = up;
  }
  return out;
}
function ignored(layers, abs, isDir) {
  for (const { dir, ig } of layers) {
    const rel = slash(path2.relative(dir, abs));
    if (!rel || rel.startsWith("..")) continue;
    if (ig.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}
var slash = path2.sep === "/" ? (p) => p : (p) => p.split(path2.sep).join("/");
var byName = (a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
var under = (base, name, sep) => base ? `${base}${sep}${name}` : name;
async function walk(paths, opts) {
  if (opts.include?.length || opts.exclude?.length || opts.configInclude?.length || opts.configExclude?.length) await loadGlobEngine();
  return walkSync(paths, opts);
}
function walkSync(paths, opts) {
  const root = path2.resolve(opts.root);
  const include = matcher(opts.include, "--include");
  const exclude = matcher(opts.exclude, "--exclude");
  const cInclude = matcher(opts.configInclude, 'config "include"');
  const cExclude = matcher(opts.configExclude, 'config "exclude"');
  const cdir = path2.resolve(opts.configDir ?? root);
  const needCfg = Boolean(cInclude || cExclude);
  const diagnostics = [];
  const files = [];
  const seenDirs = /* @__PURE__ */ new Set();
  const seenFiles = /* @__PURE__ */ new Set();
  const sep = path2.sep;
  const relOf = (raw, abs) => toModelPath(slash(raw)) || path2.basename(abs);
  const rel = (abs) => relOf(path2.relative(root, abs), abs);
  const wanted = (r, cfg) => {
    const c = needCfg ? toModelPath(slash(cfg)) : "";
    if (exclude?.(r) || cExclude?.(c)) return false;
    if (include && !include(r)) return false;
    if (cInclude && !cInclude(c)) return false;
    return true;
  };
  const addFile = (abs, r, explicit, knownReal) => {
    let real = knownReal ?? abs;
    if (!knownReal) {
      try {
        real = realpathSync(abs);
      } catch {
        real = abs;
      }
    }
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    files.push({ abs, rel: r, explicit });
  };
  const cannotRead = (dir, e) => {
    diagnostics.push({ level: "error", file: rel(dir), message: `cannot read folder: ${e.code ?? String(e)}` });
  };
  const enter = (dir, layers, knownReal) => {
    let real;
    if (knownReal !== void 0) real = knownReal;
    else {
      try {
        real = realpathSync(dir);
      } catch (e) {
        cannotRead(dir, e);
        return void 0;
      }
    }
    if (seenDirs.has(real)) return void 0;
    seenDirs.add(real);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      cannotRead(dir, e);
      return void 0;
    }
    const own = entries.some((e) => e.name === ".gitignore") ? loadIgnore(dir) : void 0;
    const here = own ? [...layers, own] : layers;
    entries.sort(byName);
    return {
      dir,
      real,
      entries,
      next: 0,
      layers: here,
      layerRel: here.map((l) => slash(path2.relative(l.dir, dir))),
      rootRel: path2.relative(root, dir),
      cfgRel: needCfg ? path2.relative(cdir, dir) : ""
    };
  };
  const ignoredIn = (f, name, isDir) => {
    for (let i = 0; i < f.layers.length; i++) {
      const r = under(f.layerRel[i], name, "/");
      if (r.startsWith("..")) continue;
      if (f.layers[i].ig.ignores(isDir ? `${r}/` : r)) return true;
    }
    return false;
  };
  const walkDir = (top, topLayers) => {
    const first = enter(top, topLayers, void 0);
    if (!first) return;
    const stack = [first];
    while (stack.length) {
      const f = stack[stack.length - 1];
      if (f.next >= f.entries.length) {
        stack.pop();
        continue;
      }
      const ent = f.entries[f.next++];
      const name = ent.name;
      const abs = f.dir.endsWith(sep) ? f.dir + name : f.dir + sep + name;
      const link = ent.isSymbolicLink();
      let isDir = ent.isDirectory();
      let isFile = ent.isFile();
      if (link) {
        try {
          const st = statSync(abs);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue;
        }
      }
      if (isDir) {
        if (VENDORED.has(name)) {
          if (name !== ".git" && name !== "__pycache__") diagnostics.push({ level: "info", file: rel(abs), message: "vendored folder skipped" });
          continue;
        }
        if (ignoredIn(f, name, true)) continue;
        const r = rel(abs);
        if (exclude?.(r) || cExclude?.(toModelPath(slash(path2.relative(cdir, abs))))) continue;
        const child = enter(abs, f.layers, link ? void 0 : f.real + (f.real.endsWith(sep) ? "" : sep) + name);
        if (child) stack.push(child);
      } else if (isFile) {
        if (name === ".gitignore" || ignoredIn(f, name, false)) continue;
        const r = relOf(under(f.rootRel, name, sep), abs);
        if ((include || exclude || needCfg) && !wanted(r, under(f.cfgRel, name, sep))) continue;
        addFile(abs, r, false, link ? void 0 : f.real + (f.real.endsWith(sep) ? "" : sep) + name);
      }
    }
  };
  const given = paths.length ? paths : ["."];
  const unreadable = [];
  for (const p of given) {
    const abs = path2.resolve(root, p);
    let st;
    try {
      st = statSync(abs);
    } catch (e) {
      const code = e.code;
      const message = code === "ENOENT" ? `no such file or folder: ${p}` : `cannot read ${p}: ${code ?? String(e)}`;
      unreadable.push(message);
      diagnostics.push({ level: "error", file: rel(abs), message: code === "ENOENT" ? "no such file or folder" : `cannot read: ${code ?? String(e)}` });
      if (unreadable.length === given.length) throw new InputError(unreadable.length === 1 ? message : unreadable.join("; "));
      continue;
    }
    if (st.isDirectory()) {
      let layers = ancestorIgnores(abs);
      if (layers.length && ignored(layers, abs, true)) {
        diagnostics.push({ level: "info", file: rel(abs), message: "ignored by a .gitignore above it; scanned because it was named explicitly" });
        layers = [];
      }
      walkDir(abs, layers);
    } else if (st.isFile()) addFile(abs, rel(abs), true);
    else diagnostics.push({ level: "info", file: rel(abs), message: "not a regular file; skipped" });
  }
  return { files, diagnostics };
}

// src/scan/index.ts
async function scanPaths(paths, opts) {
  const { files, diagnostics } = await walk(paths, opts);
  const max = opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const stats = { files: 0, parsed: 0, skipped: 0, baselined: 0 };
  const tasks = [];
  for (const f of files) {
    const nameLang = languageOf(f.abs);
    if (nameLang || !/\.[^/]+$/.test(f.rel)) tasks.push({ abs: f.abs, rel: f.rel, nameLang });
    else if (f.explicit) {
      diagnostics.push({ level: "info", file: f.rel, message: "not a language the scan reads; skipped" });
      stats.skipped++;
    }
  }
  const fileOpts = { maxFileSize: max, ...opts.ruleSeverity ? { ruleSeverity: opts.ruleSeverity } : {} };
  let done = 0;
  const progress = opts.onProgress ? () => opts.onProgress(++done, tasks.length) : void 0;
  const threads = threadsFor(tasks.length, opts.threads);
  let results;
  if (threads > 0) {
    const r = await scanInWorkers(tasks, fileOpts, threads, progress);
    results = r.outcomes;
    if (r.problem) diagnostics.push({ level: "info", message: `worker threads not used for every file (${r.problem}); those files were scanned on the main thread` });
  } else {
    results = [];
    for (const t of tasks) {
      results.push(await scanFile(t, fileOpts));
      progress?.();
    }
  }
  for (const r of results) {
    stats.files += r.files;
    stats.parsed += r.parsed;
    stats.skipped += r.skipped;
  }
  let findings = results.flatMap((r) => r.findings);
  for (const r of results) diagnostics.push(...r.diags);
  if (opts.baseline) {
    const keys = new Set(opts.baseline.findings.map(baselineKey));
    const before = findings.length;
    findings = findings.filter((f) => !keys.has(baselineKey({ ruleId: f.ruleId, file: f.file, fingerprint: String(f.properties?.fingerprint ?? "") })));
    stats.baselined = before - findings.length;
  }
  const fired = new Set(findings.map((f) => f.ruleId));
  return { findings, diagnostics, rules: STATIC_RULE_META.filter((m) => fired.has(m.id)), stats };
}
export {
  DEFAULT_MAX_FILE_SIZE,
  MIN_FILES_FOR_THREADS,
  RULES,
  STATIC_RULE_META,
  analyzeText,
  readBaseline,
  scanPaths,
  toBaseline
};
