import { createRequire as __chCreateRequire } from 'node:module';
import { fileURLToPath as __chFileURLToPath } from 'node:url';
import { dirname as __chDirname } from 'node:path';
var require = __chCreateRequire(import.meta.url);
var __filename = __chFileURLToPath(import.meta.url);
var __dirname = __chDirname(__filename);
import {
  require_picomatch
} from "./chunk-HOWIMQUB.js";
import {
  isUnder,
  samePath,
  substitute
} from "./chunk-AICJTZXL.js";
import {
  InputError,
  UsageError
} from "./chunk-7KBCVPFB.js";
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

// src/scan/index.ts
import { open } from "node:fs/promises";

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

// src/scan/engine.ts
import { createHash } from "node:crypto";

// src/scan/flow.ts
function pathOf(item) {
  return item.path ?? item.event.path;
}
var MAX_TRACE = 5e4;
var MAX_STEPS = 2e5;
var MAX_DEPTH = 8;
function buildTrace(file) {
  const byFn = /* @__PURE__ */ new Map();
  const top = [];
  const deferred = [];
  const defined = new Set(file.functions);
  for (const e of file.events) {
    if (e.kind === "call" && !(e.callee && defined.has(e.callee))) continue;
    if (e.fn !== void 0 && defined.has(e.fn)) {
      let l = byFn.get(e.fn);
      if (!l) byFn.set(e.fn, l = []);
      l.push(e);
    } else {
      top.push(e);
    }
  }
  const called = new Set(file.events.filter((e) => e.kind === "call" && e.callee).map((e) => e.callee));
  const out = [];
  let steps = 0;
  const callCount = /* @__PURE__ */ new Map();
  let subst;
  const emit = (item) => {
    if (subst) {
      item.subst = subst;
      if (item.event.path?.includes("${")) item.path = substitute(item.event.path, subst);
    }
    if (out.length >= MAX_TRACE) return;
    if (item.event.deferred) {
      deferred.push(item.event);
      return;
    }
    out.push(item);
  };
  const runFn = (name, stack, repeat, via) => {
    const n = (callCount.get(name) ?? 0) + 1;
    callCount.set(name, n);
    const r = n > 1 ? "call" : repeat;
    run(byFn.get(name) ?? [], 0, [...stack, name], r, n > 1 ? name : via);
  };
  const run = (list, depth, stack, repeat, via) => {
    let i = 0;
    while (i < list.length && out.length < MAX_TRACE && steps < MAX_STEPS) {
      const e = list[i];
      steps++;
      if (e.loops.length > depth) {
        const id = e.loops[depth];
        let j = i;
        while (j < list.length && list[j].loops[depth] === id) j++;
        const body = list.slice(i, j);
        run(body, depth + 1, stack, repeat, via);
        run(body, depth + 1, stack, "iteration", via);
        run(body, depth + 1, stack, "iteration", via);
        i = j;
        continue;
      }
      if (e.kind === "call") {
        if (e.callee && byFn.has(e.callee) && !stack.includes(e.callee) && stack.length < MAX_DEPTH) {
          const params = file.params?.[e.callee];
          const outer = subst;
          if (params && e.args) {
            const frame = { ...outer };
            params.forEach((p, k) => {
              const a = e.args[k];
              if (a !== void 0 && a !== "") frame[`${p}@${e.callee}`] = substitute(a, outer);
            });
            subst = frame;
          }
          runFn(e.callee, stack, repeat, via);
          subst = outer;
        }
      } else {
        emit(via ? { event: e, repeat, via } : repeat ? { event: e, repeat } : { event: e });
      }
      i++;
    }
  };
  run(top, 0, [], void 0, void 0);
  for (const name of file.functions) {
    if (!called.has(name) && byFn.has(name)) runFn(name, [], void 0, void 0);
  }
  for (const e of deferred) out.push({ event: e });
  const result = out;
  if (steps >= MAX_STEPS || out.length >= MAX_TRACE) result.truncated = true;
  return result;
}

// src/scan/frontends/index.ts
async function frontEnd(lang, text, file = "") {
  const lines = text.split("\n");
  switch (lang) {
    case "c":
    case "cpp":
      return (await import("./c-5AQYWBRD.js")).cFrontEnd(text, lines, lang);
    case "python":
      return (await import("./python-V73BCXYF.js")).pythonFrontEnd(text, lines);
    case "scheme":
      return (await import("./scheme-WUOC37AE.js")).schemeFrontEnd(text, lines);
    case "ruby":
      return (await import("./ruby-CGEUDL22.js")).rubyFrontEnd(text, lines);
    case "shell":
      return (await import("./shell-V4LOJB5E.js")).shellFrontEnd(text, lines);
    case "lua":
      return (await import("./lua-GKJFOECQ.js")).luaFrontEnd(text, lines);
    case "make":
      return (await import("./make-KSCNZ5V2.js")).makeFrontEnd(text, lines);
    case "javascript":
    case "typescript":
      return (await import("./js-I5PAEICT.js")).jsFrontEnd(text, lines, file);
    case "perl":
      return (await import("./perl-HTOZSKW7.js")).perlFrontEnd(lines);
    case "tcl":
      return (await import("./tcl-KWPASDTP.js")).tclFrontEnd(lines);
  }
}

// src/scan/languages.ts
import path from "node:path";
var BY_EXT = {
  ".c": "c",
  ".h": "c",
  ".cc": "cpp",
  ".cpp": "cpp",
  ".cxx": "cpp",
  ".c++": "cpp",
  ".hpp": "cpp",
  ".hh": "cpp",
  ".hxx": "cpp",
  ".py": "python",
  ".pyw": "python",
  ".rb": "ruby",
  ".rake": "ruby",
  ".sh": "shell",
  ".bash": "shell",
  ".ksh": "shell",
  ".bats": "shell",
  ".lua": "lua",
  ".mk": "make",
  ".mak": "make",
  ".js": "javascript",
  ".mjs": "javascript",
  ".cjs": "javascript",
  ".jsx": "javascript",
  ".ts": "typescript",
  ".mts": "typescript",
  ".cts": "typescript",
  ".tsx": "typescript",
  ".scm": "scheme",
  ".ss": "scheme",
  ".sld": "scheme",
  ".sls": "scheme",
  ".rkt": "scheme",
  ".lisp": "scheme",
  ".lsp": "scheme",
  ".el": "scheme",
  ".stub": "scheme",
  ".pl": "perl",
  ".pm": "perl",
  ".t": "perl",
  ".tcl": "tcl",
  ".test": "tcl"
};
var BY_NAME = { makefile: "make", gnumakefile: "make", "makefile.in": "make", rakefile: "ruby", gemfile: "ruby" };
var AMBIGUOUS = /* @__PURE__ */ new Set([".test", ".t"]);
function languageOf(file, firstLine = "") {
  const base = path.basename(file).toLowerCase();
  if (BY_NAME[base]) return BY_NAME[base];
  if (base.endsWith(".d.ts")) return void 0;
  const ext = path.extname(base);
  const lang = BY_EXT[ext];
  if (lang && !(AMBIGUOUS.has(ext) && firstLine.startsWith("#!"))) return lang;
  const m = /^#!\s*(?:\S*\/)?(?:env\s+(?:-\S+\s+)*)?(\S+)/.exec(firstLine);
  if (m) {
    const i = m[1].replace(/[\d.]+$/, "");
    if (i === "sh" || i === "bash" || i === "dash" || i === "ksh" || i === "zsh") return "shell";
    if (i === "python") return "python";
    if (i === "perl") return "perl";
    if (i === "ruby") return "ruby";
    if (i === "lua") return "lua";
    if (i === "node") return "javascript";
    if (i === "tclsh" || i === "wish") return "tcl";
    if (i === "chibi-scheme" || i === "guile" || i === "racket" || i === "gosh" || i === "csi") return "scheme";
  }
  return lang;
}
var COMMENT = {
  c: /\/\/|\/\*/,
  cpp: /\/\/|\/\*/,
  javascript: /\/\/|\/\*/,
  typescript: /\/\/|\/\*/,
  python: /#/,
  ruby: /#/,
  shell: /#/,
  make: /#/,
  perl: /#/,
  tcl: /#/,
  lua: /--/,
  scheme: /;|#\|/
};
var PREFILTER = {
  c: ["dlopen", "LoadLibrary", "lt_dlopen", "g_module_open", "uv_dlopen"],
  cpp: ["dlopen", "LoadLibrary", "lt_dlopen", "g_module_open", "uv_dlopen"],
  python: ["CDLL", "PyDLL", "WinDLL", "OleDLL", "LoadLibrary", "dlopen", "spec_from_file_location", "load_dynamic", "ExtensionFileLoader"],
  ruby: ["dlopen", "ffi_lib", "require", "load", "DL."],
  shell: ["enable", "LD_PRELOAD"],
  lua: ["loadlib", "require"],
  make: ["load"],
  javascript: ["require", "dlopen", "ffi", "koffi", "import"],
  typescript: ["require", "dlopen", "ffi", "koffi", "import"],
  scheme: ["load", "dlopen", "ffi-lib", "dynamic-link", "foreign-library", "require-extension"],
  perl: ["DynaLoader", "XSLoader", "dl_load_file", "FFI::", "Platypus", "FFI::Raw"],
  tcl: ["load"]
};
var PREFILTER_BYTES = Object.fromEntries(
  Object.entries(PREFILTER).map(([lang, words]) => [lang, words.map((w) => Buffer.from(w, "latin1"))])
);
function prefilterBytes(lang, buf) {
  return PREFILTER_BYTES[lang].some((w) => buf.includes(w));
}

// src/scan/rules/loaded.ts
var LoadedSet = class {
  items = [];
  load(item) {
    const p = pathOf(item);
    if (!p) return;
    if (!this.find(p)) this.items.push(item);
  }
  unload(path3) {
    const i = this.items.findIndex((x) => samePath(pathOf(x), path3));
    if (i >= 0) this.items.splice(i, 1);
  }
  find(path3) {
    return this.items.find((x) => samePath(pathOf(x), path3));
  }
  all() {
    return this.items;
  }
};
function forkReporter(report) {
  let pending = [];
  return {
    add(load, change) {
      pending.push([load, change]);
    },
    spawn(item) {
      if (!item.event.forks) return;
      for (const [l, c] of pending) report(l, c, item);
      pending = [];
    },
    drop(path3) {
      pending = pending.filter(([l]) => !samePath(pathOf(l), path3));
    }
  };
}
var ALL_LANGUAGES = ["c", "cpp", "python", "ruby", "shell", "lua", "make", "javascript", "typescript", "scheme", "perl", "tcl"];
function trackLoads(report) {
  const loaded = new LoadedSet();
  const forks = forkReporter(report);
  return {
    loaded,
    forks,
    handlers: {
      load: (item) => loaded.load(item),
      unload: (item) => {
        loaded.unload(pathOf(item));
        forks.drop(pathOf(item));
      },
      spawn: (item) => forks.spawn(item)
    }
  };
}

// src/scan/rules/CH001.ts
var CH001 = {
  meta: {
    id: "CH001",
    name: "DeleteWhileLoadedThenFork",
    shortDescription: "A loaded shared library is deleted, then the process forks",
    fullDescription: "The file of a library the process has loaded (and not unloaded) is deleted while a later fork() can still happen in the same process. On Cygwin the fork child maps every loaded DLL again from its path, so the fork fails (`unable to map ..., Win32 error 126`).",
    docs: "docs/rules/CH001.md",
    defaultSeverity: "error",
    languages: ALL_LANGUAGES
  },
  create(ctx) {
    const { loaded, forks, handlers } = trackLoads((load, change, spawn) => ctx.report({ cause: "deleted-dll", load, change, spawn }));
    return {
      ...handlers,
      delete: (item) => {
        const l = loaded.find(pathOf(item));
        if (l) forks.add(l, item);
      }
    };
  }
};

// src/scan/rules/CH002.ts
var CH002 = {
  meta: {
    id: "CH002",
    name: "RebuildToSamePathWhileLoaded",
    shortDescription: "A loaded shared library is rebuilt, copied or renamed over in place, then the process forks",
    fullDescription: "The path of a loaded library is written again (compiler output, copy, rename, open for writing) while the process keeps the old image mapped, and a fork follows. The Cygwin fork child maps the file at that path, which is no longer the image the parent has (`Loaded different DLL with same basename`, or `unable to map` while the file is being rewritten).",
    docs: "docs/rules/CH002.md",
    defaultSeverity: "error",
    languages: ALL_LANGUAGES
  },
  create(ctx) {
    const { loaded, forks, handlers } = trackLoads((load, change, spawn) => ctx.report({ cause: "replaced-dll", load, change, spawn }));
    return {
      ...handlers,
      // A delete ends "same image" tracking: that is CH001's case, not a rebuild.
      delete: (item) => loaded.unload(pathOf(item)),
      overwrite: (item) => {
        if (item.event.unique) return;
        const l = loaded.find(pathOf(item));
        if (l) forks.add(l, item);
      }
    };
  }
};

// src/scan/rules/CH003.ts
var CH003 = {
  meta: {
    id: "CH003",
    name: "TempDirRemovedWhileLoaded",
    shortDescription: "The directory holding a loaded shared library is removed, then the process forks",
    fullDescription: "A directory tree that contains a loaded library (a temporary build directory, `TemporaryDirectory()`, `rm -rf dir`) is removed while the process can still fork. The fork child cannot map the library from the vanished directory.",
    docs: "docs/rules/CH003.md",
    defaultSeverity: "error",
    languages: ALL_LANGUAGES
  },
  create(ctx) {
    const { loaded, forks, handlers } = trackLoads((load, change, spawn) => ctx.report({ cause: "deleted-dll", load, change, spawn }));
    return {
      ...handlers,
      deleteDir: (item) => {
        for (const l of loaded.all()) if (isUnder(pathOf(l), pathOf(item))) forks.add(l, item);
      }
    };
  }
};

// src/scan/rules/index.ts
var RULES = [CH001, CH002, CH003];
var STATIC_RULE_META = RULES.map(({ meta }) => ({
  id: meta.id,
  name: meta.name,
  shortDescription: meta.shortDescription,
  ...meta.fullDescription ? { fullDescription: meta.fullDescription } : {},
  docs: meta.docs,
  defaultSeverity: meta.defaultSeverity
}));

// src/scan/engine.ts
var SUPPRESS = /cygwin-hygiene-ignore(-file)?\b(?:[ \t]+([A-Za-z]+[0-9]+(?:[ \t]*,[ \t]*[A-Za-z]+[0-9]+)*))?(?:[ \t]*:[ \t]*(.*))?/;
function suppressions(lines, lang) {
  const out = [];
  lines.forEach((l, i) => {
    const m = SUPPRESS.exec(l);
    if (!m) return;
    const before = l.slice(0, m.index);
    if (!COMMENT[lang].test(before)) return;
    out.push({ line: i + 1, file: Boolean(m[1]), ids: m[2] ? m[2].split(/\s*,\s*/).map((s) => s.toUpperCase()) : null, used: false });
  });
  return out;
}
function fingerprint(ruleId, file, loadText, changeText) {
  const norm = (s) => s.replace(/\s+/g, " ").trim();
  return createHash("sha256").update(`${ruleId}\0${file}\0${norm(loadText)}\0${norm(changeText)}`).digest("hex").slice(0, 16);
}
var q = (s) => `\`${s}\``;
function dllOf(load) {
  const p = pathOf(load);
  if (!p) return void 0;
  return substitute(p, load.subst).replace(/\$\{[^}]*(?:extension|EXT|ext|SO|suffix)[^}]*\}$/, "") || p;
}
function describe(r) {
  const { load, change, spawn } = r;
  const lib = load.event.path ? q(dllOf(load)) : "the library";
  const verb = change.event.kind === "overwrite" ? `overwritten (${q(change.event.call)}) at line ${change.event.line}` : change.event.kind === "deleteDir" ? `its folder ${q(change.event.path ?? "")} is removed (${q(change.event.call)}) at line ${change.event.line}` : `deleted (${q(change.event.call)}) at line ${change.event.line}`;
  const again = spawn.repeat === "call" && spawn.via ? ` on the next call of ${q(spawn.via)}` : spawn.repeat === "iteration" ? " on the next loop iteration" : "";
  const effect = r.cause === "replaced-dll" ? "the fork child maps the file now at that path, which is not the image the parent loaded" : "the fork child must map every loaded DLL again from its path and cannot";
  const where = spawn.event.fn && spawn.event.fn !== change.event.fn ? ` (in ${q(spawn.event.fn)})` : "";
  return `${lib} is loaded at line ${load.event.line} (${q(load.event.call)}), then ${verb} while still loaded, and ${q(spawn.event.call)} at line ${spawn.event.line}${where} forks afterwards${again}: on Cygwin ${effect} (fork fails, e.g. "unable to map ..., Win32 error 126").`;
}
async function analyzeText(file, text, lang, opts = {}) {
  const diagnostics = [];
  let trace;
  try {
    trace = buildTrace(await frontEnd(lang, text, file));
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    diagnostics.push({ level: "error", file, message: "nested too deeply to analyse (the syntax tree walk ran out of stack); file skipped" });
    return { findings: [], diagnostics };
  }
  if (trace.truncated) {
    diagnostics.push({ level: "info", file, message: "the flow trace hit its size bound (deep nesting or many calls); later findings in this file may be missed" });
  }
  const rules = (opts.rules ?? RULES).filter((r) => opts.ruleSeverity?.[r.meta.id] !== "off");
  const raw = [];
  const handlers = rules.map((rule) => rule.create({ report: (r) => raw.push({ rule, r }) }));
  for (const item of trace) for (const h of handlers) h[item.event.kind]?.(item);
  const lines = text.split("\n");
  const sups = suppressions(lines, lang);
  const seen = /* @__PURE__ */ new Set();
  const findings = [];
  const weak = lang === "javascript" || lang === "typescript";
  const ev = (role, t) => ({ role, file, line: t.event.line, column: t.event.column, text: t.event.text });
  for (const { rule, r } of raw) {
    const id = rule.meta.id;
    const k = `${id}:${r.load.event.line}:${r.change.event.line}:${r.change.event.column}`;
    if (seen.has(k)) continue;
    seen.add(k);
    const hit = sups.find(
      (s) => (s.ids === null || s.ids.includes(id)) && (s.file || [r.change.event.line, r.load.event.line].some((l) => l === s.line || l === s.line + 1))
    );
    if (hit) {
      hit.used = true;
      continue;
    }
    const changeRole = r.change.event.kind === "overwrite" ? "replace" : "delete";
    const fp = fingerprint(id, file, r.load.event.text, r.change.event.text);
    findings.push({
      kind: "static",
      ruleId: id,
      cause: r.cause,
      // JS: child_process forks only when node itself is a Cygwin program (native node.exe uses CreateProcess).
      severity: opts.ruleSeverity?.[id] ?? (weak ? "warning" : rule.meta.defaultSeverity),
      file,
      line: r.change.event.line,
      column: r.change.event.column,
      message: weak ? `${describe(r)} (Only when node runs as a Cygwin program: a native node.exe spawns without fork.)` : describe(r),
      evidence: [ev("load", r.load), ev(changeRole, r.change), ev("spawn", r.spawn)],
      language: lang,
      ...r.load.event.path ? { dll: dllOf(r.load) } : {},
      properties: {
        loadCall: r.load.event.call,
        ...r.load.event.path ? { pathExpr: r.load.event.path } : {},
        [changeRole === "replace" ? "replaceCall" : "deleteCall"]: r.change.event.call,
        spawnCall: r.spawn.event.call,
        ...r.spawn.repeat ? { spawnRepeat: r.spawn.via ? `call:${r.spawn.via}` : r.spawn.repeat } : {},
        ...r.change.event.fn ? { deleteIn: r.change.event.fn } : {},
        ...r.spawn.event.fn ? { spawnIn: r.spawn.event.fn } : {},
        fingerprint: fp
      }
    });
  }
  const known = new Set(RULES.map((r) => r.meta.id));
  for (const s of sups) {
    const unknown = (s.ids ?? []).filter((i) => !known.has(i));
    if (unknown.length) diagnostics.push({ level: "info", file, message: `line ${s.line}: suppression names unknown rule ${unknown.join(", ")}` });
    else if (!s.used) diagnostics.push({ level: "info", file, message: `line ${s.line}: unused suppression (nothing to suppress here)` });
  }
  return { findings, diagnostics };
}

// src/scan/walker.ts
var import_ignore = __toESM(require_ignore(), 1);
var import_picomatch = __toESM(require_picomatch(), 1);
import { readFile as readFile2, readdir, realpath, stat } from "node:fs/promises";
import path2 from "node:path";
var VENDORED = /* @__PURE__ */ new Set(["node_modules", "vendor", "third_party", "third-party", ".git", ".hg", ".svn", "bower_components", "__pycache__", ".venv", ".tox"]);
var DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;
function compileGlob(glob, where) {
  let re;
  try {
    re = import_picomatch.default.makeRe(glob, { strictBrackets: true, dot: true });
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
async function loadIgnore(dir) {
  try {
    const text = await readFile2(path2.join(dir, ".gitignore"), "utf8");
    return { dir, ig: (0, import_ignore.default)().add(text) };
  } catch {
    return void 0;
  }
}
async function ancestorIgnores(dir) {
  const out = [];
  let d = path2.dirname(dir);
  for (let i = 0; i < 20; i++) {
    const l = await loadIgnore(d);
    if (l) out.unshift(l);
    try {
      await stat(path2.join(d, ".git"));
      break;
    } catch {
    }
    const up = path2.dirname(d);
    if (up === d) break;
    d = up;
  }
  return out;
}
function ignored(layers, abs, isDir) {
  for (const { dir, ig } of layers) {
    const rel = path2.relative(dir, abs).split(path2.sep).join("/");
    if (!rel || rel.startsWith("..")) continue;
    if (ig.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}
async function walk(paths, opts) {
  const root = path2.resolve(opts.root);
  const include = matcher(opts.include, "--include");
  const exclude = matcher(opts.exclude, "--exclude");
  const cInclude = matcher(opts.configInclude, 'config "include"');
  const cExclude = matcher(opts.configExclude, 'config "exclude"');
  const cdir = path2.resolve(opts.configDir ?? root);
  const diagnostics = [];
  const files = [];
  const seenDirs = /* @__PURE__ */ new Set();
  const seenFiles = /* @__PURE__ */ new Set();
  const rel = (abs) => toModelPath(path2.relative(root, abs).split(path2.sep).join("/")) || path2.basename(abs);
  const wanted = (abs) => {
    const r = rel(abs);
    const c = toModelPath(path2.relative(cdir, abs).split(path2.sep).join("/"));
    if (exclude?.(r) || cExclude?.(c)) return false;
    if (include && !include(r)) return false;
    if (cInclude && !cInclude(c)) return false;
    return true;
  };
  const excludedDir = (abs) => Boolean(exclude?.(rel(abs)) || cExclude?.(toModelPath(path2.relative(cdir, abs).split(path2.sep).join("/"))));
  const addFile = async (abs, explicit, knownReal) => {
    let real = knownReal ?? abs;
    if (!knownReal) {
      try {
        real = await realpath(abs);
      } catch {
        real = abs;
      }
    }
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    files.push({ abs, rel: rel(abs), explicit });
  };
  const walkDir = async (dir, layers) => {
    let real;
    try {
      real = await realpath(dir);
    } catch (e) {
      diagnostics.push({ level: "error", file: rel(dir), message: `cannot read folder: ${e.code ?? String(e)}` });
      return;
    }
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      diagnostics.push({ level: "error", file: rel(dir), message: `cannot read folder: ${e.code ?? String(e)}` });
      return;
    }
    const own = await loadIgnore(dir);
    const here = own ? [...layers, own] : layers;
    entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    for (const ent of entries) {
      const abs = path2.join(dir, ent.name);
      let isDir = ent.isDirectory();
      let isFile = ent.isFile();
      if (ent.isSymbolicLink()) {
        try {
          const st = await stat(abs);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue;
        }
      }
      if (isDir) {
        if (VENDORED.has(ent.name)) {
          if (ent.name !== ".git" && ent.name !== "__pycache__") diagnostics.push({ level: "info", file: rel(abs), message: "vendored folder skipped" });
          continue;
        }
        if (ignored(here, abs, true) || excludedDir(abs)) continue;
        await walkDir(abs, here);
      } else if (isFile) {
        if (ent.name === ".gitignore" || ignored(here, abs, false) || !wanted(abs)) continue;
        await addFile(abs, false, ent.isSymbolicLink() ? void 0 : path2.join(real, ent.name));
      }
    }
  };
  const given = paths.length ? paths : ["."];
  const unreadable = [];
  for (const p of given) {
    const abs = path2.resolve(root, p);
    let st;
    try {
      st = await stat(abs);
    } catch (e) {
      const code = e.code;
      const message = code === "ENOENT" ? `no such file or folder: ${p}` : `cannot read ${p}: ${code ?? String(e)}`;
      unreadable.push(message);
      diagnostics.push({ level: "error", file: rel(abs), message: code === "ENOENT" ? "no such file or folder" : `cannot read: ${code ?? String(e)}` });
      if (unreadable.length === given.length) throw new InputError(unreadable.length === 1 ? message : unreadable.join("; "));
      continue;
    }
    if (st.isDirectory()) {
      let layers = await ancestorIgnores(abs);
      if (layers.length && ignored(layers, abs, true)) {
        diagnostics.push({ level: "info", file: rel(abs), message: "ignored by a .gitignore above it; scanned because it was named explicitly" });
        layers = [];
      }
      await walkDir(abs, layers);
    } else if (st.isFile()) await addFile(abs, true);
    else diagnostics.push({ level: "info", file: rel(abs), message: "not a regular file; skipped" });
  }
  return { files, diagnostics };
}
async function mapLimit(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

// src/scan/index.ts
var decoder = new TextDecoder("utf-8", { fatal: true });
var lenient = new TextDecoder("utf-8");
async function scanPaths(paths, opts) {
  const { files, diagnostics } = await walk(paths, opts);
  const max = opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const stats = { files: 0, parsed: 0, skipped: 0, baselined: 0 };
  const candidates = files.filter((f) => {
    if (languageOf(f.abs)) return true;
    if (!/\.[^/]+$/.test(f.rel)) return true;
    if (f.explicit) {
      diagnostics.push({ level: "info", file: f.rel, message: "not a language the scan reads; skipped" });
      stats.skipped++;
    }
    return false;
  });
  let done = 0;
  const results = await mapLimit(candidates, opts.concurrency ?? 8, async (f) => {
    const diags = [];
    try {
      const fh = await open(f.abs, "r");
      let buf;
      try {
        const size = (await fh.stat()).size;
        if (size > max) {
          stats.files++;
          stats.skipped++;
          diags.push({ level: "warning", file: f.rel, message: `skipped: ${size} bytes is over the --max-file-size of ${max}` });
          return { findings: [], diags };
        }
        buf = await fh.readFile();
      } finally {
        await fh.close();
      }
      const nul = buf.subarray(0, 8192).includes(0);
      const firstLine = nul ? "" : buf.subarray(0, 200).toString("latin1").split("\n")[0] ?? "";
      const lang = languageOf(f.abs, firstLine);
      if (!lang) return { findings: [], diags };
      stats.files++;
      if (nul) {
        stats.skipped++;
        diags.push({ level: "info", file: f.rel, message: "binary file (NUL byte) skipped" });
        return { findings: [], diags };
      }
      if (!prefilterBytes(lang, buf)) return { findings: [], diags };
      let text;
      try {
        text = decoder.decode(buf);
      } catch {
        text = lenient.decode(buf);
        diags.push({ level: "info", file: f.rel, message: "not valid UTF-8; read with replacement characters" });
      }
      text = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
      stats.parsed++;
      const r = await analyzeText(f.rel, text, lang, opts.ruleSeverity ? { ruleSeverity: opts.ruleSeverity } : {});
      return { findings: r.findings, diags: [...diags, ...r.diagnostics] };
    } catch (e) {
      stats.skipped++;
      const code = e.code;
      diags.push({ level: "error", file: f.rel, message: code ? `cannot read: ${code}` : `could not analyse: ${e.message}` });
      return { findings: [], diags };
    } finally {
      opts.onProgress?.(++done, candidates.length);
    }
  });
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
  RULES,
  STATIC_RULE_META,
  analyzeText,
  readBaseline,
  scanPaths,
  toBaseline
};
