// The offline form of stimulering: builds the questionnaire from the JSON blob in the page,
// shows and hides follow-up questions exactly as the interview does, keeps progress in the
// browser's local storage, reads and writes answers files (a documented subset of YAML), and
// never connects to anything. Every text from the question set goes into the page as a text
// node, never as HTML.
(function () {
  "use strict";

  var DONT_KNOW = "weet_niet";
  var NOT_APPLICABLE = "nvt";
  var SPECIAL = [DONT_KNOW, NOT_APPLICABLE];
  // The limits of an answers file, filled in from the program (form.limits) when the page
  // starts, so that the page and the command line always hold the same numbers.
  var LIMITS = {};
  // What Python's str.split() and str.strip() count as white space.
  var SPACE = "\\t\\n\\x0b\\x0c\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029" +
              "\\u202f\\u205f\\u3000";
  var SPACES = new RegExp("[" + SPACE + "]+", "g");
  var EDGES = new RegExp("^[" + SPACE + "]+|[" + SPACE + "]+$", "g");
  var FILE_KEYS = ["stimulering_answers", "question_set", "coalition", "respondent", "date",
                   "round", "lang", "answers", "notes", "targets", "actions"];
  var ID = /^[a-z][a-z0-9_]*$/;
  var SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
  var SHA256 = /^[0-9a-f]{64}$/;
  var LANGUAGE = /^[a-z]{2,3}$/;
  var CONTROL = /[\x00-\x1f\x7f]/;

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  function strip(text) {
    return text.replace(EDGES, "");
  }

  function collapse(text) {
    return strip(text.replace(SPACES, " "));
  }

  // --- conditions: the same three-valued logic as conditions.py --------------------------------

  function evaluate(condition, valueOf) {
    var results;
    if (has(condition, "question")) {
      return compare(condition, valueOf(condition.question));
    }
    if (has(condition, "all")) {
      results = condition.all.map(function (part) { return evaluate(part, valueOf); });
      if (results.indexOf(false) >= 0) { return false; }
      return results.indexOf(null) >= 0 ? null : true;
    }
    if (has(condition, "any")) {
      results = condition.any.map(function (part) { return evaluate(part, valueOf); });
      if (results.indexOf(true) >= 0) { return true; }
      return results.indexOf(null) >= 0 ? null : false;
    }
    var result = evaluate(condition.not, valueOf);
    return result === null ? null : !result;
  }

  function compare(test, value) {
    if (value === null || value === undefined) { return null; }
    if (Array.isArray(value)) {
      if (has(test, "equals")) { return value.indexOf(test.equals) >= 0; }
      if (has(test, "in")) {
        return test.in.some(function (choice) { return value.indexOf(choice) >= 0; });
      }
      return null;
    }
    if (has(test, "equals")) { return value === test.equals; }
    if (has(test, "in")) { return test.in.indexOf(value) >= 0; }
    if (typeof value === "string") { return null; }
    if (has(test, "at_least")) { return value >= test.at_least; }
    if (has(test, "at_most")) { return value <= test.at_most; }
    return null;
  }

  // Which questions are asked, given answers keyed by question id: a question is asked when it
  // has no condition or its condition is true on the known answers of the questions before it.
  function visibility(questions, answers) {
    var known = {};
    var shown = {};
    questions.forEach(function (question) {
      var value = has(answers, question.id) ? answers[question.id] : null;
      var visible = !question.when || evaluate(question.when, function (id) {
        return has(known, id) ? known[id] : null;
      }) === true;
      shown[question.id] = visible;
      if (visible && value !== null && SPECIAL.indexOf(value) < 0) {
        known[question.id] = value;
      }
    });
    return shown;
  }

  // Whether a question is for the respondent's role and level (as Question.asks). Until both
  // are chosen every question is shown, as the interview asks everything of nobody in
  // particular.
  function forRespondent(question, header) {
    var audience = question["for"];
    if (!audience) { return true; }
    return (!audience.roles.length || !header.role || audience.roles.indexOf(header.role) >= 0) &&
      (!audience.levels.length || !header.level || audience.levels.indexOf(header.level) >= 0);
  }

  // The questions asked: visible by their conditions, and for who answers (Scorer.asked).
  function asked(questions, answers, header) {
    var shown = visibility(questions, answers);
    questions.forEach(function (question) {
      shown[question.id] = shown[question.id] && forRespondent(question, header);
    });
    return shown;
  }

  // --- answers: what each question accepts (as validation.answer_problem) ----------------------

  function inRanges(question, value) {
    if (!question.ranges) { return value >= 0; }
    return question.ranges.some(function (range) {
      return value >= range[0] && (range[1] === null || value < range[1]);
    });
  }

  function optionValues(question) {
    return (question.options || []).map(function (option) { return option.value; });
  }

  function validAnswer(question, value) {
    if (value === null) { return true; }
    if (question.type === "text") { return typeof value === "string"; }
    if (SPECIAL.indexOf(value) >= 0) { return true; }
    if (question.type === "number") {
      return typeof value === "number" && isFinite(value) && inRanges(question, value);
    }
    var values = optionValues(question);
    if (question.type === "multi") {
      return Array.isArray(value) && value.every(function (choice, index) {
        return typeof choice === "string" && values.indexOf(choice) >= 0 &&
          value.indexOf(choice) === index;
      });
    }
    if (question.type === "scale") {
      return typeof value === "number" && values.indexOf(value) >= 0;
    }
    return typeof value === "string" && values.indexOf(value) >= 0;
  }

  // A number as typed: "4", "2,5", "2.5" (as the interview reads it).
  function parseNumber(raw) {
    var text = strip(raw).replace(/ /g, "");
    if (/^[+-]?\d+$/.test(text)) { return parseInt(text, 10); }
    if (/^[+-]?\d*[.,]\d+$|^[+-]?\d+[.,]$/.test(text)) {
      return parseFloat(text.replace(",", "."));
    }
    return null;
  }

  // --- YAML: the subset the form reads ---------------------------------------------------------
  //
  // Block mappings and sequences (also a sequence at its key's indentation), comments, plain,
  // single- and double-quoted scalars (over several lines too), and flow lists and mappings of
  // scalars on one line. Plain scalars resolve as PyYAML's safe loader does: null, true/false
  // (and yes/no/on/off), decimal integers and floats, dates; anything else is text. Refused:
  // tabs in indentation, anchors, aliases, tags, block scalars (| and >), complex keys,
  // several documents, and numbers in other notations.

  function YamlFloat(value) { this.value = value; }
  function YamlDate(iso) { this.iso = iso; }
  function YamlError(key, line, extra) {
    this.key = key;
    this.line = line;
    this.extra = extra || {};
  }

  var RESOLVE = {
    nil: /^(?:~|null|Null|NULL|)$/,
    bool: /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
    truth: /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/,
    int: /^[-+]?(?:0|[1-9][0-9_]*)$/,
    otherInt: /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/,
    float: /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?)$/,
    otherFloat: /^(?:[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
    date: /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/,
    stamp: /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?$/,
    special: /^(?:<<|=)$/
  };

  function calendarDate(year, month, day) {
    var date = new Date(0);
    date.setUTCFullYear(year, month - 1, day);  // years below 100 too
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 ||
        date.getUTCDate() !== day || year < 1) {
      return null;
    }
    return String(year).padStart(4, "0") + "-" + String(month).padStart(2, "0") + "-" +
      String(day).padStart(2, "0");
  }

  function resolvePlain(text, line) {
    var match;
    if (RESOLVE.nil.test(text)) { return null; }
    if (RESOLVE.bool.test(text)) { return RESOLVE.truth.test(text); }
    if (RESOLVE.int.test(text)) { return parseInt(text.replace(/_/g, ""), 10); }
    if (RESOLVE.float.test(text)) { return new YamlFloat(parseFloat(text.replace(/_/g, ""))); }
    if (RESOLVE.otherInt.test(text) || RESOLVE.otherFloat.test(text)) {
      throw new YamlError("form.yaml.number", line, {value: text});
    }
    if (RESOLVE.special.test(text)) { throw new YamlError("form.yaml.unsupported", line); }
    match = RESOLVE.date.exec(text) || RESOLVE.stamp.exec(text);
    if (match) {
      var iso = calendarDate(+match[1], +match[2], +match[3]);
      // An impossible date stays text, as the command line reads it.
      return iso === null ? text : new YamlDate(iso);
    }
    return text;
  }

  var ESCAPES = {"0": "\0", "a": "\x07", "b": "\b", "t": "\t", "\t": "\t", "n": "\n",
                 "v": "\x0b", "f": "\f", "r": "\r", "e": "\x1b", " ": " ", "\"": "\"",
                 "\\": "\\", "/": "/", "N": "\x85", "_": "\xa0", "L": "\u2028",
                 "P": "\u2029"};
  var HEX_LENGTH = {"x": 2, "u": 4, "U": 8};

  function Reader(text) {
    this.lines = text.split("\n");
    this.at = 0;
    this.values = 0;
  }

  // One more value read; a document holds at most as many as the command line takes.
  Reader.prototype.count = function (line) {
    this.values += 1;
    if (this.values > LIMITS.values) {
      throw new YamlError("form.yaml.values", line + 1, {limit: LIMITS.values});
    }
  };

  Reader.prototype.fail = function (key, line, extra) {
    throw new YamlError(key, line + 1, extra);
  };

  // The next line with content: its number, indentation and text after the indentation.
  Reader.prototype.peek = function () {
    for (var index = this.at; index < this.lines.length; index += 1) {
      var line = this.lines[index];
      var indent = line.length - line.replace(/^ +/, "").length;
      var body = line.slice(indent);
      if (/^\t/.test(body) && /\S/.test(body)) {
        if (!/^[ \t]*#/.test(body)) { this.fail("form.yaml.tab", index); }
      }
      if (/^[ \t]*(#.*)?$/.test(body)) { continue; }
      if (indent === 0 && /^(---|\.\.\.)(\s|$)/.test(body)) { return {index: index, end: true}; }
      return {index: index, indent: indent, body: body};
    }
    return null;
  };

  Reader.prototype.document = function () {
    var next = this.peek();
    if (next && !next.end && /^%/.test(next.body)) { this.fail("form.yaml.unsupported", next.index); }
    if (next && next.end) {
      if (!/^---/.test(next.body)) { this.fail("form.yaml.documents", next.index); }
      if (/\S/.test(next.body.slice(3).replace(/#.*$/, ""))) {
        this.fail("form.yaml.unsupported", next.index);
      }
      this.at = next.index + 1;
      next = this.peek();
    }
    if (next === null || next.end || isEntry(next.body) || !keyOf(next.body)) {
      this.fail("form.yaml.mapping", next ? next.index : 0);
    }
    var root = this.mapping(next.indent);
    next = this.peek();
    if (next === null) { return root; }
    if (!next.end) { this.fail("form.yaml.indent", next.index); }
    if (!/^\.\.\./.test(next.body)) { this.fail("form.yaml.documents", next.index); }
    this.at = next.index + 1;
    if (/\S/.test(next.body.slice(3).replace(/#.*$/, "")) || this.peek() !== null) {
      this.fail("form.yaml.documents", next.index);
    }
    return root;
  };

  function isEntry(body) {
    return /^-(?:[ \t]|$)/.test(body);
  }

  // "key:" at the start of a text: the key and where its value starts, or null.
  // A key: a plain id, or an id in quotes (PyYAML quotes ids such as "no" or "on", which
  // YAML 1.1 would read as true or false).
  function keyOf(body) {
    var match = /^(?:([A-Za-z0-9_][A-Za-z0-9_.-]*)|'([A-Za-z0-9_][A-Za-z0-9_.-]*)'|"([A-Za-z0-9_][A-Za-z0-9_.-]*)")[ \t]*:(?:[ \t]+|$)/.exec(body);
    if (!match) { return null; }
    return {key: match[1] || match[2] || match[3], quoted: !match[1], rest: match[0].length};
  }

  Reader.prototype.node = function (indent) {
    var next = this.peek();
    if (next === null || next.end || next.indent < indent) { return null; }
    return isEntry(next.body) ? this.sequence(next.indent) : this.mapping(next.indent);
  };

  Reader.prototype.mapping = function (indent) {
    var result = new Map();
    for (;;) {
      var next = this.peek();
      if (next === null || next.end || next.indent < indent) { return result; }
      if (next.indent > indent || isEntry(next.body)) { this.fail("form.yaml.indent", next.index); }
      var found = keyOf(next.body);
      if (!found) {
        this.fail(/^["'?]/.test(next.body) ? "form.yaml.key" : "form.yaml.value", next.index);
      }
      if (!found.quoted && typeof resolvePlain(found.key, next.index + 1) !== "string") {
        this.fail("form.yaml.key", next.index, {value: found.key});
      }
      if (result.has(found.key)) {
        this.fail("form.yaml.duplicate", next.index, {value: found.key});
      }
      this.count(next.index);
      result.set(found.key, this.value(next.index, next.indent + found.rest, indent, true));
    }
  };

  Reader.prototype.sequence = function (indent) {
    var result = [];
    for (;;) {
      var next = this.peek();
      if (next === null || next.end || next.indent < indent) { return result; }
      if (next.indent > indent) { this.fail("form.yaml.indent", next.index); }
      if (!isEntry(next.body)) { return result; }
      var rest = next.body.slice(1);
      var gap = rest.length - rest.replace(/^[ \t]+/, "").length;
      if (/\t/.test(rest.slice(0, gap))) { this.fail("form.yaml.tab", next.index); }
      var column = indent + 1 + gap;
      rest = rest.slice(gap);
      if (keyOf(rest) || isEntry(rest)) {
        // "- key: value" or "- - item": the rest of the line opens a block of its own.
        this.lines[next.index] = " ".repeat(column) + rest;
        this.at = next.index;
        result.push(isEntry(rest) ? this.sequence(column) : this.mapping(column));
      } else {
        result.push(this.value(next.index, column, indent, false));
      }
    }
  };

  // The value that starts at (line, column), in a block whose entries sit at ``parent``.
  Reader.prototype.value = function (line, column, parent, inMapping) {
    var text = this.lines[line];
    this.count(line);
    var rest = text.slice(column);
    var start = rest.charAt(0);
    this.at = line + 1;
    if (rest === "" || start === "#") {
      var next = this.peek();
      if (next && !next.end && next.indent > parent) { return this.node(next.indent); }
      if (next && !next.end && inMapping && next.indent === parent && isEntry(next.body)) {
        return this.sequence(parent);
      }
      return null;
    }
    if (start === "\"" || start === "'") {
      var scanned = this.quoted(line, column);
      this.after(scanned.line, scanned.column);
      return scanned.value;
    }
    if (start === "[" || start === "{") { return this.flow(line, column); }
    if ("|>&*!%@`,]}".indexOf(start) >= 0 || /^[-?:](?:[ \t]|$)/.test(rest)) {
      this.fail("form.yaml.unsupported", line);
    }
    return this.plain(line, column, parent);
  };

  // Only white space or a comment may follow a quoted scalar or a flow collection.
  Reader.prototype.after = function (line, column) {
    var rest = this.lines[line].slice(column);
    if (!/^(?:[ \t]*|[ \t]+#.*)$/.test(rest)) { this.fail("form.yaml.value", line); }
    this.at = line + 1;
  };

  // A plain scalar, folded over the lines that continue it (indented deeper than its block).
  Reader.prototype.plain = function (line, column, parent) {
    var self = this;
    function cut(text, index) {
      var comment = text.search(/[ \t]#/);
      var body = comment >= 0 ? text.slice(0, comment) : text;
      if (/:(?:[ \t]|$)/.test(body)) { self.fail("form.yaml.value", index); }
      return body.replace(/[ \t]+$/, "");
    }
    var first = this.lines[line].slice(column);
    var ended = /(?:^|[ \t])#/.test(first);
    var chunks = [cut(first, line)];
    var breaks = 0;
    var last = line;
    for (var index = line + 1; index < this.lines.length && !ended; index += 1) {
      var text = this.lines[index];
      if (/^[ \t]*$/.test(text)) {
        breaks += 1;
        continue;
      }
      var indent = text.length - text.replace(/^ +/, "").length;
      var body = text.slice(indent);
      if (indent <= parent || body.charAt(0) === "#") { break; }
      if (/^[ \t]/.test(body)) { this.fail("form.yaml.tab", index); }
      chunks.push(breaks ? "\n".repeat(breaks) : " ");
      chunks.push(cut(body, index));
      ended = /[ \t]#/.test(body);
      breaks = 0;
      last = index;
    }
    this.at = last + 1;
    return resolvePlain(chunks.join(""), line + 1);
  };

  // A single- or double-quoted scalar from (line, column), over several lines if it goes on:
  // line breaks fold to a space (empty lines to line breaks), and a backslash at the end of a
  // line joins it to the next.
  Reader.prototype.quoted = function (line, column) {
    var lines = this.lines;
    var quote = lines[line].charAt(column);
    var double = quote === "\"";
    var chunks = [];
    var index = line;
    var at = column + 1;
    var text = lines[index];
    var self = this;
    function nextLine(joined) {
      var breaks = "";
      for (;;) {
        index += 1;
        if (index >= lines.length) { self.fail("form.yaml.quote", line); }
        text = lines[index];
        if (text.indexOf("---") === 0 || text.indexOf("...") === 0) {
          if (/^(---|\.\.\.)(\s|$)/.test(text)) { self.fail("form.yaml.quote", line); }
        }
        var lead = text.length - text.replace(/^[ \t]+/, "").length;
        if (lead === text.length) {
          breaks += "\n";
          continue;
        }
        at = lead;
        return joined ? breaks : (breaks || " ");
      }
    }
    for (;;) {
      if (at >= text.length) {
        chunks.push(nextLine(false));
        continue;
      }
      var char = text.charAt(at);
      if (char === quote) {
        if (!double && text.charAt(at + 1) === "'") {
          chunks.push("'");
          at += 2;
          continue;
        }
        return {value: chunks.join(""), line: index, column: at + 1};
      }
      if (char === " " || char === "\t") {
        var run = at;
        while (run < text.length && (text.charAt(run) === " " || text.charAt(run) === "\t")) {
          run += 1;
        }
        if (run < text.length) { chunks.push(text.slice(at, run)); }
        at = run;
        continue;
      }
      if (double && char === "\\") {
        var code = text.charAt(at + 1);
        if (at + 1 >= text.length) {
          chunks.push(nextLine(true));
          continue;
        }
        if (has(ESCAPES, code)) {
          chunks.push(ESCAPES[code]);
          at += 2;
          continue;
        }
        if (has(HEX_LENGTH, code)) {
          var digits = text.substr(at + 2, HEX_LENGTH[code]);
          var point = parseInt(digits, 16);
          // As PyYAML: half of a surrogate pair is no character, even written as a pair.
          if (digits.length !== HEX_LENGTH[code] || !/^[0-9a-fA-F]+$/.test(digits) ||
              point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) {
            this.fail("form.yaml.escape", index);
          }
          chunks.push(code === "U" ? String.fromCodePoint(point) : String.fromCharCode(point));
          at += 2 + HEX_LENGTH[code];
          continue;
        }
        this.fail("form.yaml.escape", index);
      }
      chunks.push(char);
      at += 1;
    }
  };

  // A flow list or mapping of scalars, closed on the line it opens.
  Reader.prototype.flow = function (line, column) {
    var text = this.lines[line];
    var open = text.charAt(column);
    var close = open === "[" ? "]" : "}";
    var at = column + 1;
    var items = [];
    var self = this;
    function skip() {
      while (at < text.length && (text.charAt(at) === " " || text.charAt(at) === "\t")) {
        at += 1;
      }
    }
    function scalar(isKey) {
      self.count(line);
      skip();
      var char = text.charAt(at);
      if (char === "\"" || char === "'") {
        var probe = new Reader(text);
        probe.fail = function (key, ignored, extra) { self.fail(key, line, extra); };
        var scanned = probe.quoted(0, at);
        at = scanned.column;
        return scanned.value;
      }
      if (at >= text.length || "[]{},#&*!|>%@`".indexOf(char) >= 0 ||
          /^[-?:](?:[ \t,\]}]|$)/.test(text.slice(at))) {
        self.fail("form.yaml.unsupported", line);
      }
      var start = at;
      while (at < text.length) {
        char = text.charAt(at);
        if (char === "," || char === close || char === "[" || char === "{" ||
            (char === ":" && /^:(?:[ \t,\]}]|$)/.test(text.slice(at)) && isKey) ||
            (char === "#" && /[ \t]/.test(text.charAt(at - 1)))) {
          break;
        }
        if (char === ":" && /^:(?:[ \t,\]}]|$)/.test(text.slice(at))) {
          self.fail("form.yaml.unsupported", line);
        }
        at += 1;
      }
      return resolvePlain(text.slice(start, at).replace(/[ \t]+$/, ""), line + 1);
    }
    skip();
    while (text.charAt(at) !== close) {
      if (at >= text.length) { this.fail("form.yaml.unsupported", line); }
      if (open === "[") {
        items.push(scalar(false));
      } else {
        var key = scalar(true);
        skip();
        if (text.charAt(at) !== ":" || typeof key !== "string") {
          this.fail("form.yaml.unsupported", line);
        }
        at += 1;
        items.push([key, scalar(false)]);
      }
      skip();
      if (text.charAt(at) === ",") {
        at += 1;
        skip();
      } else if (text.charAt(at) !== close) {
        this.fail("form.yaml.unsupported", line);
      }
    }
    this.after(line, at + 1);
    if (open === "[") { return items; }
    var result = new Map();
    items.forEach(function (pair) {
      if (result.has(pair[0])) { self.fail("form.yaml.duplicate", line, {value: pair[0]}); }
      result.set(pair[0], pair[1]);
    });
    return result;
  };

  function parseYaml(text) {
    if (text.charAt(0) === "\ufeff") { text = text.slice(1); }
    text = text.replace(/\r\n?/g, "\n");
    var bad = /[\x85\u2028\u2029]|[^\x09\x0a\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\ud800-\udfff]/.exec(text);
    if (bad) {
      throw new YamlError("form.yaml.unsupported", text.slice(0, bad.index).split("\n").length);
    }
    var reader = new Reader(text);
    reader.lines.forEach(function (line, index) {
      if (length(line) > LIMITS.line) {
        throw new YamlError("form.yaml.line", index + 1, {limit: LIMITS.line});
      }
    });
    return reader.document();
  }

  // The parsed tree as plain data (for tests and for keeping parts of a file as they are).
  function plainData(value) {
    if (value instanceof Map) {
      var object = {};
      value.forEach(function (item, key) {
        Object.defineProperty(object, key, {value: plainData(item), enumerable: true,
                                            writable: true, configurable: true});
      });
      return object;
    }
    if (Array.isArray(value)) { return value.map(plainData); }
    if (value instanceof YamlFloat) { return {float: value.value}; }
    if (value instanceof YamlDate) { return {date: value.iso}; }
    return value;
  }

  // --- YAML: what the form writes --------------------------------------------------------------
  //
  // Block mappings; every text double-quoted with JSON-like escapes, long ones continued over
  // lines with a backslash; numbers, dates, true/false and null plain.

  // The escaped text in units that must stay together: a character or an escape.
  function escapeUnits(text) {
    var units = [];
    for (var index = 0; index < text.length; index += 1) {
      var code = text.charCodeAt(index);
      var char = text.charAt(index);
      if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length &&
          text.charCodeAt(index + 1) >= 0xdc00 && text.charCodeAt(index + 1) <= 0xdfff) {
        units.push(char + text.charAt(index + 1));
        index += 1;
      } else if (code >= 0xd800 && code <= 0xdfff) {
        units.push("\\ufffd");  // half a surrogate pair is no text
      } else if (char === "\"" || char === "\\") {
        units.push("\\" + char);
      } else if (char === "\n") {
        units.push("\\n");
      } else if (char === "\t") {
        units.push("\\t");
      } else if (code < 0x20 || (code >= 0x7f && code < 0xa0) || code === 0x2028 ||
                 code === 0x2029 || code === 0xfeff || code >= 0xfffe) {
        units.push("\\u" + code.toString(16).padStart(4, "0"));
      } else {
        units.push(char);
      }
    }
    return units;
  }

  // A double-quoted scalar; a long one goes on over lines indented by ``indent``, each line
  // ending in a backslash (which joins it to the next without a space).
  function quote(text, indent) {
    var pieces = [];
    var piece = "";
    escapeUnits(text).forEach(function (unit) {
      if (piece && piece.length + unit.length > 200) {
        pieces.push(piece);
        // A continuation line loses its leading white space: write a leading space as \x20.
        piece = unit === " " ? "\\x20" : unit;
      } else {
        piece += unit;
      }
    });
    pieces.push(piece);
    return "\"" + pieces.join("\\\n" + " ".repeat(indent)) + "\"";
  }

  function formatNumber(value, float) {
    if (Number.isInteger(value) && !float && Math.abs(value) < 1e21) {
      return value.toFixed(0);
    }
    var text = String(value);
    if (Number.isInteger(value) && text.indexOf("e") < 0) { return text + ".0"; }
    return text.indexOf(".") < 0 ? text.replace("e", ".0e") : text;
  }

  function scalarText(value, indent) {
    if (value === null || value === undefined) { return "null"; }
    if (value === true || value === false) { return String(value); }
    if (typeof value === "number") { return formatNumber(value, false); }
    if (value instanceof YamlFloat) { return formatNumber(value.value, true); }
    if (value instanceof YamlDate) { return value.iso; }
    return quote(String(value), indent);
  }

  function isBlock(value) {
    return (value instanceof Map && value.size > 0) || (Array.isArray(value) && value.length > 0);
  }

  // A key as YAML 1.1 reads it back as the same text: plain when it starts with a letter or
  // "_" and is no word that means true, false or null ("no", "on", "null", ...), quoted else.
  var NOT_TEXT = /^(?:y|n|yes|no|true|false|on|off|null)$/i;

  function keyText(key) {
    return /^[A-Za-z_]/.test(key) && !NOT_TEXT.test(key) ? key : "\"" + key + "\"";
  }

  // ``key: value`` lines at ``indent``; a list sits at its key's indentation, as PyYAML writes.
  function writeEntry(lines, key, value, indent) {
    var pad = " ".repeat(indent);
    if (!isBlock(value)) {
      lines.push(pad + keyText(key) + ": " + emptyOrScalar(value, indent + 2));
      return;
    }
    lines.push(pad + keyText(key) + ":");
    writeBlock(lines, value, value instanceof Map ? indent + 2 : indent);
  }

  function emptyOrScalar(value, indent) {
    if (value instanceof Map) { return "{}"; }
    if (Array.isArray(value)) { return "[]"; }
    return scalarText(value, indent);
  }

  function writeBlock(lines, value, indent) {
    var pad = " ".repeat(indent);
    if (value instanceof Map) {
      value.forEach(function (item, key) { writeEntry(lines, key, item, indent); });
      return;
    }
    value.forEach(function (item) {
      if (item instanceof Map && item.size > 0) {
        var nested = [];
        writeBlock(nested, item, indent + 2);
        lines.push(pad + "- " + nested[0].slice(indent + 2));
        nested.slice(1).forEach(function (text) { lines.push(text); });
      } else if (isBlock(item)) {
        var inner = [];
        writeBlock(inner, item, indent + 2);
        lines.push(pad + "- " + inner[0].slice(indent + 2));
        inner.slice(1).forEach(function (text) { lines.push(text); });
      } else {
        lines.push(pad + "- " + emptyOrScalar(item, indent + 2));
      }
    });
  }

  function toYaml(document) {
    if (!isBlock(document)) { return emptyOrScalar(document, 0) + "\n"; }
    var lines = [];
    writeBlock(lines, document, 0);
    return lines.join("\n") + "\n";
  }

  // --- the answers file ------------------------------------------------------------------------

  function today() {
    var now = new Date();
    return calendarDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
  }

  // A name made safe for a file name, as the interview makes it: at most LIMITS.slug
  // characters, so that the longest names still give a name a file system takes.
  function slug(text) {
    var plain = text.normalize("NFKD").replace(/[^\x00-\x7f]/g, "").toLowerCase();
    var cut = plain.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, LIMITS.slug);
    return cut.replace(/-+$/, "") || "x";
  }

  function Form(data) {
    this.data = data;
    this.questions = data.questions;
    this.byId = {};
    this.renamed = {};
    var self = this;
    this.questions.forEach(function (question) {
      self.byId[question.id] = question;
      (question.replaces || []).forEach(function (old) { self.renamed[old] = question.id; });
    });
    this.reset();
  }

  Form.prototype.reset = function () {
    // round: the name of the assessment round, given to the page by the coordinator or kept
    // from an opened file; without one the file has none (rounds are then told by date).
    this.header = {coalition: this.data.coalition || "", organisation: "", role: "", level: "",
                   date: today(), round: this.data.round || ""};
    this.answers = {};
    this.notes = {};
    // Parts of an opened file the form does not show: answers to questions it does not
    // know, notes on them, targets and actions. They go back into the file unchanged.
    this.kept = {answers: [], notes: [], targets: null, actions: null};
  };

  Form.prototype.visible = function () {
    return asked(this.questions, this.answers, this.header);
  };

  // Questions still to answer: asked, not text (open text is optional), without an answer.
  Form.prototype.open = function () {
    var shown = this.visible();
    var answers = this.answers;
    return this.questions.filter(function (question) {
      return shown[question.id] && question.type !== "text" && !has(answers, question.id);
    });
  };

  // One count, as the interview's [i/N]: every question asked, open ones included; the
  // open ones may stay empty, so the questionnaire is done when none of the others is open.
  Form.prototype.progress = function () {
    var shown = this.visible();
    var answers = this.answers;
    var asked = this.questions.filter(function (question) { return shown[question.id]; });
    var answered = asked.filter(function (question) {
      return has(answers, question.id) && (question.type !== "text" || answers[question.id]);
    }).length;
    return {total: asked.length, answered: answered, done: this.open().length === 0};
  };

  Form.prototype.setAnswer = function (id, value) {
    if (value === null) {
      delete this.answers[id];
    } else {
      this.answers[id] = value;
    }
  };

  Form.prototype.setNote = function (id, text) {
    text = strip(text);
    if (text) {
      this.notes[id] = text;
    } else {
      delete this.notes[id];
    }
  };

  Form.prototype.missingHeader = function () {
    var header = this.header;
    return ["coalition", "organisation", "role", "level", "date"].filter(function (field) {
      if (field === "date") { return !RESOLVE.date.test(header.date || ""); }
      return !collapse(header[field] || "");
    });
  };

  Form.prototype.fileName = function () {
    return slug(this.header.coalition) + "-" + slug(this.header.organisation) + "-" +
      this.header.date + ".yaml";
  };

  function ordered(ids, order) {
    return ids.slice().sort(function (a, b) {
      var left = has(order, a) ? order[a] : Infinity;
      var right = has(order, b) ? order[b] : Infinity;
      return left === right ? 0 : (left < right ? -1 : 1);
    });
  }

  // The answers file as YAML. In a finished file, open text questions that are asked are
  // written empty, as Enter leaves them in the interview; a file saved halfway holds only
  // what was given, so that the interview, resuming it, asks them.
  Form.prototype.toYaml = function (finished) {
    var order = {};
    var self = this;
    this.questions.forEach(function (question, index) { order[question.id] = index; });
    var shown = this.visible();
    var answers = new Map();
    this.questions.forEach(function (question) {
      if (has(self.answers, question.id)) {
        var value = self.answers[question.id];
        answers.set(question.id, value);
      } else if (finished && question.type === "text" && shown[question.id]) {
        answers.set(question.id, "");
      }
    });
    this.kept.answers.forEach(function (pair) { answers.set(pair[0], pair[1]); });
    var notes = new Map();
    ordered(Object.keys(this.notes), order).forEach(function (id) {
      notes.set(id, self.notes[id]);
    });
    this.kept.notes.forEach(function (pair) {
      if (!notes.has(pair[0])) { notes.set(pair[0], pair[1]); }
    });
    var header = this.header;
    var document = new Map([
      ["stimulering_answers", 1],
      ["question_set", new Map([["id", this.data.question_set.id],
                                ["version", this.data.question_set.version],
                                ["sha256", this.data.question_set.sha256]])],
      ["coalition", header.coalition],
      ["respondent", new Map([["organisation", header.organisation],
                              ["role", header.role], ["level", header.level]])],
      ["date", new YamlDate(header.date)],
      ["round", header.round],
      ["lang", this.data.lang],
      ["answers", answers]
    ].filter(function (pair) { return pair[0] !== "round" || pair[1]; }));
    if (notes.size) { document.set("notes", notes); }
    if (this.kept.targets !== null) { document.set("targets", this.kept.targets); }
    if (this.kept.actions !== null) { document.set("actions", this.kept.actions); }
    return toYaml(document);
  };

  function LoadError(key, values) {
    this.key = key;
    this.values = values || {};
  }

  function shownValue(value) {
    var text = JSON.stringify(plainData(value));
    return text && text.length > 40 ? text.slice(0, 37) + "..." : String(text);
  }

  // An answer as read from a file, in the form's terms: text, a number, a list of texts.
  function answerValue(value) {
    if (value instanceof YamlFloat) { return value.value; }
    if (typeof value === "string" || typeof value === "number" || value === null) {
      return value;
    }
    if (Array.isArray(value) && value.every(function (item) { return typeof item === "string"; })) {
      return value.slice();
    }
    return undefined;
  }

  // --- the answers file: the checks of the command line (model.Answers) ---------------------
  //
  // A file the command line refuses is refused here too, for the same reason, and a file it
  // takes opens here (outside the YAML this page reads and the two kinds of file named in
  // the README). The limits come from the program (form.limits).

  // A text's length in code points, as Python counts it.
  function length(text) {
    var count = 0;
    for (var index = 0; index < text.length; index += 1) {
      var code = text.charCodeAt(index);
      if (code < 0xdc00 || code > 0xdfff) { count += 1; }
    }
    return count;
  }

  function field(name) { return new LoadError("form.load.field", {field: name}); }

  function isText(value) { return typeof value === "string"; }

  function isWhole(value) { return typeof value === "number" && Number.isInteger(value); }

  function isId(value) {
    return isText(value) && ID.test(value) && value.length <= LIMITS.id;
  }

  function textWithin(value, least, most) {
    return isText(value) && length(value) >= least && length(value) <= most;
  }

  // A date as a file holds it: a YAML date, or a text such as 2026-11-28 that is a real day.
  function fileDate(value) {
    if (value instanceof YamlDate) { return value.iso; }
    var match = isText(value) ? RESOLVE.date.exec(value) : null;
    return match ? calendarDate(+match[1], +match[2], +match[3]) : null;
  }

  // Only these keys; the ones in ``needed`` must be there.
  function keysOf(map, allowed, needed, name) {
    if (!(map instanceof Map)) { throw field(name); }
    map.forEach(function (ignored, key) {
      if (allowed.indexOf(key) < 0) { throw field(name + "." + key); }
    });
    needed.forEach(function (key) {
      if (!map.has(key)) { throw field(name + "." + key); }
    });
  }

  // The shape every answer has: empty, a number, a text, or a list of texts.
  function answerShaped(value) {
    return value === null || value instanceof YamlFloat || typeof value === "number" ||
      isText(value) || (Array.isArray(value) && value.every(isText));
  }

  // Whether ``value`` breaks the rules of ``question`` beyond its type (text length, an
  // exclusive option chosen with another).
  function answerFits(question, value) {
    if (question.type === "text") { return length(value) <= LIMITS.text; }
    if (question.type === "multi" && Array.isArray(value) && value.length > 1) {
      return !(question.options || []).some(function (option) {
        return option.exclusive && value.indexOf(option.value) >= 0;
      });
    }
    return true;
  }

  Form.prototype.checkFile = function (tree) {
    var data = this.data;
    if (tree.has("consensus") || (tree.get("respondent") instanceof Map &&
                                  tree.get("respondent").get("role") === "coalitie")) {
      throw new LoadError("form.load.coalition_file");
    }
    if (tree.get("stimulering_answers") !== 1 ||
        Array.from(tree.keys()).some(function (key) { return FILE_KEYS.indexOf(key) < 0; })) {
      throw new LoadError("form.load.not_answers");
    }
    var made = tree.get("question_set");
    if (made !== undefined && made !== null) {
      keysOf(made, ["id", "version", "sha256"], ["id", "version"], "question_set");
      var hash = made.get("sha256");
      if (!isId(made.get("id")) || !isText(made.get("version")) ||
          !SEMVER.test(made.get("version")) ||
          !(hash === undefined || hash === null || (isText(hash) && SHA256.test(hash)))) {
        throw field("question_set");
      }
      // A file of another question set cannot be shown: say so before anything else.
      if (made.get("id") !== data.question_set.id) {
        throw new LoadError("form.load.other_set", {made: made.get("id"),
                                                   used: data.question_set.id});
      }
    }
    if (!textWithin(tree.get("coalition"), 1, LIMITS.name)) { throw field("coalition"); }
    var respondent = tree.get("respondent");
    keysOf(respondent, ["organisation", "role", "level"], ["organisation", "role", "level"],
           "respondent");
    if (!textWithin(respondent.get("organisation"), 1, LIMITS.name)) {
      throw field("respondent.organisation");
    }
    var roles = data.roles.map(function (role) { return role.value; });
    var levels = data.levels.map(function (level) { return level.value; });
    if (roles.indexOf(respondent.get("role")) < 0) { throw field("respondent.role"); }
    if (levels.indexOf(respondent.get("level")) < 0) { throw field("respondent.level"); }
    if (fileDate(tree.get("date")) === null) { throw field("date"); }
    var round = tree.get("round");
    if (round !== undefined && round !== null &&
        !(textWithin(round, 1, LIMITS.round) && !CONTROL.test(round))) {
      throw field("round");
    }
    if (tree.has("lang") && !(isText(tree.get("lang")) && LANGUAGE.test(tree.get("lang")))) {
      throw field("lang");
    }
    ["answers", "notes", "targets"].forEach(function (name) {
      if (tree.has(name) && !(tree.get(name) instanceof Map)) { throw field(name); }
    });
    (tree.get("answers") || new Map()).forEach(function (value, key) {
      if (!isId(key)) { throw field("answers." + key); }
      if (!answerShaped(value)) {
        throw new LoadError("form.load.answer", {id: key, value: shownValue(value)});
      }
    });
    (tree.get("notes") || new Map()).forEach(function (note, key) {
      if (!isId(key) || !textWithin(note, 0, LIMITS.note)) { throw field("notes." + key); }
    });
    var pillars = data.pillars.map(function (pillar) { return pillar.id; });
    (tree.get("targets") || new Map()).forEach(function (phase, key) {
      if (pillars.indexOf(key) < 0 || !isWhole(phase) || phase < 1 || phase > 6) {
        throw field("targets." + key);
      }
    });
    var actions = tree.has("actions") ? tree.get("actions") : [];
    if (!Array.isArray(actions)) { throw field("actions"); }
    actions.forEach(function (action, index) {
      var name = "actions[" + index + "]";
      keysOf(action, ["what", "owner", "due", "item", "instrument", "done"], ["what"], name);
      var due = action.get("due");
      var done = action.get("done");
      if (!textWithin(action.get("what"), 1, LIMITS.action) ||
          (action.has("owner") && !textWithin(action.get("owner"), 0, LIMITS.name)) ||
          (due !== undefined && due !== null && fileDate(due) === null) ||
          ["item", "instrument"].some(function (key) {
            var value = action.get(key);
            return value !== undefined && value !== null && !isId(value);
          }) ||
          (done !== undefined && done !== true && done !== false)) {
        throw field(name);
      }
    });
  };

  // Read an answers file into the form; returns what to tell the respondent. Every value
  // stays as the file has it (the form writes it back the same); only what a person
  // types is tidied, as in the interview.
  Form.prototype.read = function (source) {
    var tree = parseYaml(source);
    this.checkFile(tree);
    var notices = [];
    var made = tree.get("question_set");
    var own = this.data.question_set;
    if (made !== undefined && made !== null) {
      if (made.get("id") !== own.id) {
        throw new LoadError("form.load.other_set", {made: made.get("id"), used: own.id});
      }
      var version = made.get("version");
      var hash = made.get("sha256");
      if (version !== own.version || (typeof hash === "string" && hash !== own.sha256)) {
        notices.push(["form.load.other_version", {made: own.id + " " + version,
                                                  used: own.id + " " + own.version}]);
      }
    }
    var respondent = tree.get("respondent");
    var round = tree.get("round");
    var header = {
      coalition: tree.get("coalition"),
      organisation: respondent.get("organisation"),
      role: respondent.get("role"),
      level: respondent.get("level"),
      date: fileDate(tree.get("date")),
      round: isText(round) ? round : (this.data.round || "")
    };
    var answers = {};
    var kept = {answers: [], notes: [], targets: null, actions: null};
    var self = this;
    (tree.get("answers") || new Map()).forEach(function (raw, key) {
      var value = answerValue(raw);
      var id = has(self.byId, key) ? key : (has(self.renamed, key) ? self.renamed[key] : undefined);
      if (id === undefined) {
        kept.answers.push([key, raw]);
        return;
      }
      // A float such as 3.0 is a number answer only, as the command line reads it.
      if (value === undefined || !validAnswer(self.byId[id], value) ||
          (value !== null && !answerFits(self.byId[id], value)) ||
          (raw instanceof YamlFloat && self.byId[id].type !== "number")) {
        throw new LoadError("form.load.answer", {id: key, value: shownValue(raw)});
      }
      if (value === null) { return; }
      // The answer under the question's own id wins over one under an id it replaces.
      if (key === id || !has(answers, id)) { answers[id] = value; }
    });
    var count = Object.keys(answers).length;
    var notes = {};
    (tree.get("notes") || new Map()).forEach(function (note, key) {
      if (has(self.byId, key)) {
        notes[key] = note;
      } else {
        kept.notes.push([key, note]);
      }
    });
    ["targets", "actions"].forEach(function (key) {
      if (tree.has(key)) { kept[key] = tree.get(key); }
    });
    // As the command line: in a file made with this very question set an unknown id is a
    // mistake; in a file of another version it may be a question that has gone.
    var sameSet = made !== undefined && made !== null && made.get("id") === own.id &&
      made.get("version") === own.version &&
      (typeof made.get("sha256") !== "string" || made.get("sha256") === own.sha256);
    if (kept.answers.length && sameSet) {
      throw new LoadError("form.load.unknown_question", {id: String(kept.answers[0][0]),
                                                        made: own.id + " " + own.version});
    }
    if (kept.answers.length) {
      notices.push(["form.load.unknown", {count: kept.answers.length}]);
    }
    this.header = header;
    this.answers = answers;
    this.notes = notes;
    this.kept = kept;
    return {count: count, notices: notices};
  };

  // What local storage keeps: the state as JSON (kept parts of a file as its YAML text).
  Form.prototype.snapshot = function () {
    var kept = null;
    if (this.kept.answers.length || this.kept.notes.length || this.kept.targets !== null ||
        this.kept.actions !== null) {
      var document = new Map();
      document.set("answers", new Map(this.kept.answers));
      document.set("notes", new Map(this.kept.notes));
      document.set("targets", this.kept.targets);
      document.set("actions", this.kept.actions);
      kept = toYaml(document);
    }
    return JSON.stringify({format: 1, header: this.header, answers: this.answers,
                           notes: this.notes, kept: kept});
  };

  Form.prototype.restore = function (json) {
    var saved = JSON.parse(json);
    var self = this;
    if (!saved || saved.format !== 1 || typeof saved.header !== "object") { return false; }
    var header = {};
    ["coalition", "organisation", "role", "level", "date", "round"].forEach(function (field) {
      header[field] = typeof saved.header[field] === "string" ? saved.header[field] : "";
    });
    // The round of the page is the round being answered; what the browser kept may be older.
    header.round = this.data.round || header.round;
    var answers = {};
    Object.keys(saved.answers || {}).forEach(function (id) {
      if (has(self.byId, id) && saved.answers[id] !== null &&
          validAnswer(self.byId[id], saved.answers[id])) {
        answers[id] = saved.answers[id];
      }
    });
    var notes = {};
    Object.keys(saved.notes || {}).forEach(function (id) {
      if (has(self.byId, id) && typeof saved.notes[id] === "string") {
        notes[id] = saved.notes[id];
      }
    });
    var kept = {answers: [], notes: [], targets: null, actions: null};
    if (typeof saved.kept === "string") {
      var tree = parseYaml(saved.kept);
      (tree.get("answers") || new Map()).forEach(function (value, key) {
        kept.answers.push([key, value]);
      });
      (tree.get("notes") || new Map()).forEach(function (value, key) {
        kept.notes.push([key, value]);
      });
      kept.targets = tree.get("targets");
      kept.actions = tree.get("actions");
    }
    this.header = header;
    this.answers = answers;
    this.notes = notes;
    this.kept = kept;
    return true;
  };

  // --- the page --------------------------------------------------------------------------------

  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value === true) {
        node.setAttribute(name, "");
      } else if (value !== false && value !== null && value !== undefined) {
        node.setAttribute(name, String(value));
      }
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function Page(form, root) {
    this.form = form;
    this.data = form.data;
    this.root = root;
    this.controls = {};
    this.storageKey = ["stimulering-form", this.data.question_set.id,
                       this.data.question_set.sha256, this.data.coalition || ""].join("/");
  }

  Page.prototype.label = function (key, values) {
    var text = this.data.labels[key];
    if (typeof text !== "string") { text = text[this.pluralCategory(values.count)] || text.other; }
    Object.keys(values || {}).forEach(function (name) {
      text = text.split("{" + name + "}").join(String(values[name]));
    });
    return text;
  };

  // The CLDR category of a count, by the rule of the labels' catalogue: each category
  // but "other" lists its counts.
  Page.prototype.pluralCategory = function (count) {
    var rule = this.data.plural;
    var found = Object.keys(rule).filter(function (category) {
      return rule[category].indexOf(count) !== -1;
    });
    return found.length ? found[0] : "other";
  };

  Page.prototype.plural = function (key, count, values) {
    return this.label(key, Object.assign({count: count}, values || {}));
  };

  Page.prototype.build = function () {
    var data = this.data;
    var self = this;
    var main = element("main", {id: "main"});
    main.appendChild(element("header", {}, [
      element("h1", {}, [this.label("iv.title")]),
      element("p", {"class": "set"}, [this.label("form.set", {
        name: data.set_name || data.question_set.id, id: data.question_set.id,
        version: data.question_set.version})])
    ]));
    main.appendChild(element("p", {"class": "intro"}, [this.label("form.intro")]));
    main.appendChild(element("p", {"class": "intro"}, [this.label("form.special_hint")]));
    main.appendChild(element("p", {"class": "skip"}, [
      element("a", {href: "#questions"}, [this.label("form.skip")])]));
    main.appendChild(this.buildRespondent());
    var questions = element("div", {id: "questions", tabindex: "-1"});
    var section = null;
    var pillar = null;
    var names = {};
    data.pillars.forEach(function (item) { names[item.id] = item.name; });
    data.questions.forEach(function (question) {
      if (question.pillar !== pillar) {
        pillar = question.pillar;
        section = element("section", {"class": "pillar", "aria-labelledby": "p-" + pillar}, [
          element("h2", {id: "p-" + pillar}, [names[pillar] || pillar])]);
        questions.appendChild(section);
      }
      section.appendChild(self.buildQuestion(question, names[pillar] || pillar));
    });
    main.appendChild(questions);
    main.appendChild(this.buildActions());
    this.root.appendChild(main);
  };

  Page.prototype.field = function (id, key, control) {
    return element("div", {"class": "field"}, [
      element("label", {"for": id}, [this.label(key)]), control]);
  };

  Page.prototype.buildRespondent = function () {
    var self = this;
    function select(id, choices) {
      var node = element("select", {id: id, required: true}, [
        element("option", {value: ""}, [self.label("form.choose")])]);
      choices.forEach(function (choice) {
        node.appendChild(element("option", {value: choice.value}, [choice.label]));
      });
      return node;
    }
    var header = {
      coalition: element("input", {id: "f-coalition", type: "text", maxlength: LIMITS.name,
                                   required: true, autocomplete: "off"}),
      organisation: element("input", {id: "f-organisation", type: "text", maxlength: LIMITS.name,
                                      required: true, autocomplete: "organization"}),
      role: select("f-role", this.data.roles),
      level: select("f-level", this.data.levels),
      date: element("input", {id: "f-date", type: "date", required: true})
    };
    this.header = header;
    Object.keys(header).forEach(function (field) {
      header[field].addEventListener(field === "role" || field === "level" ? "change" : "input",
                                     function () {
                                       // A typed name is tidied as the interview tidies it.
                                       var value = header[field].value;
                                       self.form.header[field] = field === "coalition" ||
                                         field === "organisation" ? collapse(value) : value;
                                       self.changed();
                                     });
    });
    return element("section", {"class": "respondent", "aria-labelledby": "respondent-title"}, [
      element("h2", {id: "respondent-title"}, [this.label("form.respondent")]),
      this.field("f-coalition", "iv.ask.coalition", header.coalition),
      this.field("f-organisation", "iv.ask.organisation", header.organisation),
      this.field("f-role", "iv.ask.role", header.role),
      this.field("f-level", "iv.ask.level", header.level),
      this.field("f-date", "date", header.date)
    ].concat(this.data.round ? [element("p", {id: "round"}, [
      this.label("form.round", {round: this.data.round})])] : []));
  };

  Page.prototype.buildQuestion = function (question, pillarName) {
    var self = this;
    var id = question.id;
    var box = element("div", {"class": "question", id: "q-" + id, "data-id": id});
    var where = element("span", {"class": "where"}, [pillarName + " \u00b7 " + question.category]);
    var statement = element("span", {"class": "text", id: "t-" + id}, [question.text]);
    var controls = {inputs: [], specials: [], number: null, text: null, error: null};
    this.controls[id] = controls;
    var group;
    function choice(type, name, index, text, special) {
      var inputId = "a-" + id + "-" + index;
      var input = element("input", {type: type, id: inputId, name: name,
                                    value: String(special || question.options[index].value)});
      input.addEventListener("change", function () { self.picked(question, input, special); });
      (special ? controls.specials : controls.inputs).push(input);
      return element("div", {"class": "option" + (special ? " special" : "")}, [
        input, element("label", {"for": inputId}, [text])]);
    }
    if (question.type === "text") {
      controls.text = element("textarea", {id: "a-" + id, rows: "2", maxlength: LIMITS.text});
      controls.text.addEventListener("input", function () {
        var value = collapse(controls.text.value);
        self.form.setAnswer(id, value ? value : null);
        self.changed();
      });
      box.appendChild(element("label", {"for": "a-" + id, "class": "legend"}, [
        where, statement, element("span", {"class": "optional"}, [
          " " + this.label("form.optional")])]));
      box.appendChild(controls.text);
    } else {
      group = element("fieldset", {}, [element("legend", {}, [where, statement])]);
      var name = "a-" + id;
      var kind = question.type === "multi" ? "checkbox" : "radio";
      if (question.type === "multi") {
        group.appendChild(element("p", {"class": "hint"}, [this.label("form.multi_hint")]));
      }
      (question.options || []).forEach(function (option, index) {
        group.appendChild(choice(kind, name, index, option.label, null));
      });
      if (question.type === "number") {
        var inputId = "a-" + id + "-number";
        controls.number = element("input", {id: inputId, type: "text", inputmode: "decimal",
                                            autocomplete: "off",
                                            "aria-describedby": "e-" + id});
        controls.error = element("p", {"class": "error", id: "e-" + id, hidden: true});
        controls.number.addEventListener("input", function () { self.typed(question); });
        group.appendChild(element("div", {"class": "field"}, [
          element("label", {"for": inputId}, [this.label("form.answer") +
                                              (question.unit ? " (" + question.unit + ")" : "")]),
          controls.number]));
        group.appendChild(controls.error);
      }
      var specials = element("div", {"class": "specials"});
      SPECIAL.forEach(function (value, index) {
        var type = question.type === "multi" || question.type === "number" ? "checkbox" : "radio";
        specials.appendChild(choice(type, type === "radio" ? name : name + "-special",
                                    "s" + index, self.label("special." + value), value));
      });
      group.appendChild(specials);
      box.appendChild(group);
    }
    if (question.help) {
      box.appendChild(element("details", {"class": "help"}, [
        element("summary", {}, [this.label("form.help")]),
        element("p", {}, [question.help])]));
    }
    var noteId = "n-" + id;
    controls.note = element("textarea", {id: noteId, rows: "2", maxlength: LIMITS.note,
                                         "aria-describedby": "t-" + id});
    controls.note.addEventListener("input", function () {
      self.form.setNote(id, controls.note.value);
      self.changed();
    });
    controls.noteBox = element("details", {"class": "note"}, [
      element("summary", {}, [this.label("form.note")]),
      element("label", {"for": noteId}, [this.label("form.note_hint")]),
      controls.note]);
    box.appendChild(controls.noteBox);
    controls.box = box;
    return box;
  };

  // A radio or checkbox changed: the answer follows what is checked.
  Page.prototype.picked = function (question, input, special) {
    var controls = this.controls[question.id];
    var value;
    if (question.type === "multi" || question.type === "number") {
      if (special && input.checked) {
        controls.specials.forEach(function (other) { other.checked = other === input; });
        controls.inputs.forEach(function (other) { other.checked = false; });
        if (controls.number) {
          controls.number.value = "";
          this.showError(question, null);
        }
        value = special;
      } else if (special) {
        value = null;
      } else {
        controls.specials.forEach(function (other) { other.checked = false; });
        if (input.checked && question.type === "multi") {
          // An exclusive option (such as "Geen") is chosen alone: checking it clears the
          // others, and checking another clears it.
          var alone = question.options[controls.inputs.indexOf(input)].exclusive;
          question.options.forEach(function (option, index) {
            var other = controls.inputs[index];
            if (other !== input && (alone || option.exclusive)) { other.checked = false; }
          });
        }
        value = question.options.filter(function (option, index) {
          return controls.inputs[index].checked;
        }).map(function (option) { return option.value; });
        if (!value.length) { value = null; }
      }
    } else {
      value = special || question.options[controls.inputs.indexOf(input)].value;
    }
    this.form.setAnswer(question.id, value);
    this.changed();
  };

  Page.prototype.typed = function (question) {
    var controls = this.controls[question.id];
    var raw = controls.number.value;
    var value = null;
    var problem = null;
    if (!strip(raw)) {
      // An empty field leaves the answer to a checked "don't know" or "not applicable".
      controls.specials.forEach(function (other) { if (other.checked) { value = other.value; } });
    } else {
      controls.specials.forEach(function (other) { other.checked = false; });
      value = parseNumber(raw);
      if (value === null) {
        problem = this.label("form.error.number");
      } else if (!question.ranges && value < 0) {
        problem = this.label("iv.error.negative");
        value = null;
      } else if (!inRanges(question, value)) {
        problem = this.label("iv.error.band", {
          value: this.numberText(value),
          ranges: question.ranges.map(this.rangeText, this).join(", ")});
        value = null;
      }
    }
    this.showError(question, problem);
    this.form.setAnswer(question.id, value);
    this.changed();
  };

  Page.prototype.numberText = function (value) {
    var text = String(value);
    return this.data.lang === "nl" ? text.replace(".", ",") : text;
  };

  Page.prototype.rangeText = function (range) {
    return range[1] === null ? this.numberText(range[0]) + "+" :
      this.numberText(range[0]) + "\u2013" + this.numberText(range[1]);
  };

  Page.prototype.showError = function (question, problem) {
    var controls = this.controls[question.id];
    controls.error.textContent = problem || "";
    controls.error.hidden = !problem;
    if (problem) {
      controls.number.setAttribute("aria-invalid", "true");
    } else {
      controls.number.removeAttribute("aria-invalid");
    }
  };

  Page.prototype.buildActions = function () {
    var self = this;
    this.progressText = element("p", {id: "progress"});
    this.message = element("div", {id: "message", role: "status", "aria-live": "polite"});
    var download = element("button", {type: "button", id: "download", "class": "primary"}, [
      this.label("form.download")]);
    var partial = element("button", {type: "button", id: "download-partial"}, [
      this.label("form.download_partial")]);
    var clear = element("button", {type: "button", id: "clear"}, [this.label("form.clear")]);
    this.fileInput = element("input", {type: "file", id: "open-file",
                                       accept: ".yaml,.yml,application/yaml,text/yaml"});
    download.addEventListener("click", function () { self.download(false); });
    partial.addEventListener("click", function () { self.download(true); });
    clear.addEventListener("click", function () { self.clear(); });
    this.fileInput.addEventListener("change", function () { self.open(); });
    return element("section", {"class": "actions", "aria-labelledby": "actions-title"}, [
      element("h2", {id: "actions-title"}, [this.label("form.download")]),
      this.progressText,
      element("div", {"class": "buttons"}, [download, partial]),
      this.message,
      element("div", {"class": "field"}, [
        element("label", {"for": "open-file"}, [this.label("form.open")]), this.fileInput]),
      element("div", {"class": "buttons"}, [clear])
    ]);
  };

  Page.prototype.say = function (lines, problem) {
    var message = this.message;
    message.textContent = "";
    message.className = problem ? "problem" : "";
    lines.forEach(function (line) { message.appendChild(element("p", {}, [line])); });
  };

  // Show the state: every control as the answers say, follow-up questions shown or hidden.
  Page.prototype.show = function () {
    var form = this.form;
    var self = this;
    Object.keys(this.header).forEach(function (field) {
      self.header[field].value = form.header[field] || "";
    });
    form.questions.forEach(function (question) {
      var controls = self.controls[question.id];
      var value = has(form.answers, question.id) ? form.answers[question.id] : null;
      if (controls.text) {
        if (collapse(controls.text.value) !== (value || "")) { controls.text.value = value || ""; }
      } else {
        controls.inputs.forEach(function (input, index) {
          var option = question.options[index].value;
          input.checked = Array.isArray(value) ? value.indexOf(option) >= 0 : value === option;
        });
        controls.specials.forEach(function (input) { input.checked = input.value === value; });
        if (controls.number) {
          controls.number.value = typeof value === "number" ? self.numberText(value) : "";
          self.showError(question, null);
        }
      }
      var note = has(form.notes, question.id) ? form.notes[question.id] : "";
      if (strip(controls.note.value) !== note) { controls.note.value = note; }
      if (note) { controls.noteBox.open = true; }
    });
    this.refresh();
  };

  Page.prototype.refresh = function () {
    var shown = this.form.visible();
    var self = this;
    this.form.questions.forEach(function (question) {
      self.controls[question.id].box.hidden = !shown[question.id];
    });
    var progress = this.form.progress();
    this.progressText.textContent = progress.done ?
      this.label("form.progress.done", progress) : this.label("form.progress", progress);
  };

  Page.prototype.changed = function () {
    this.refresh();
    this.store();
  };

  Page.prototype.store = function () {
    try {
      window.localStorage.setItem(this.storageKey, this.form.snapshot());
    } catch (error) {
      if (!this.storageWarned) {
        this.storageWarned = true;
        this.say([this.label("form.storage_off")], true);
      }
    }
  };

  Page.prototype.restore = function () {
    var saved = null;
    try {
      saved = window.localStorage.getItem(this.storageKey);
    } catch (error) {
      this.storageWarned = true;
      this.say([this.label("form.storage_off")], true);
      return;
    }
    if (saved === null) { return; }
    try {
      if (this.form.restore(saved)) { this.say([this.label("form.restored")]); }
    } catch (error) {
      this.form.reset();
    }
  };

  Page.prototype.focusField = function (field) {
    this.header[field].focus();
  };

  Page.prototype.download = function (partial) {
    var form = this.form;
    var missing = form.missingHeader();
    var self = this;
    if (missing.length) {
      var keys = {coalition: "iv.ask.coalition", organisation: "iv.ask.organisation",
                  role: "iv.ask.role", level: "iv.ask.level", date: "date"};
      this.say([this.label("form.missing_header", {fields: missing.map(function (field) {
        return self.label(keys[field]);
      }).join(", ")})], true);
      this.focusField(missing[0]);
      return;
    }
    var open = form.open();
    if (!partial && open.length) {
      this.say([this.plural("form.open_questions", open.length)], true);
      var controls = this.controls[open[0].id];
      var target = controls.number || controls.inputs[0] || controls.specials[0];
      controls.box.scrollIntoView({block: "center"});
      target.focus();
      return;
    }
    var name = form.fileName();
    try {
      var blob = new Blob([form.toYaml(!partial)], {type: "application/yaml"});
      var url = URL.createObjectURL(blob);
      var link = element("a", {href: url, download: name, hidden: true});
      document.body.appendChild(link);
      link.click();
      link.remove();
      window.setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
    } catch (error) {
      this.say([this.label("form.download_failed", {reason: String(error && error.message ||
                                                                 error)})], true);
      return;
    }
    // The page hands the file to the browser; whether it lands on the disk, only the
    // browser knows, so the message says what happened and where to look.
    this.say([this.label(partial ? "form.downloaded_partial" : "form.downloaded", {name: name})]);
  };

  Page.prototype.hasWork = function () {
    return Object.keys(this.form.answers).length > 0 || Object.keys(this.form.notes).length > 0;
  };

  Page.prototype.clear = function () {
    if (this.hasWork() && !window.confirm(this.label("form.clear_confirm"))) { return; }
    this.form.reset();
    try {
      window.localStorage.removeItem(this.storageKey);
    } catch (error) {
      // Nothing was kept, so there is nothing to remove.
    }
    this.show();
    this.say([this.label("form.cleared")]);
  };

  Page.prototype.open = function () {
    var file = this.fileInput.files[0];
    var self = this;
    if (!file) { return; }
    var name = file.name;
    this.fileInput.value = "";
    if (file.size > LIMITS.file) {
      this.say([this.label("form.load.too_big", {name: name})], true);
      return;
    }
    file.arrayBuffer().catch(function () { return null; }).then(function (buffer) {
      var source;
      try {
        if (buffer === null) { throw new Error("unreadable"); }
        source = new TextDecoder("utf-8", {fatal: true}).decode(buffer);
        if (source.indexOf("\0") >= 0) { throw new Error("binary"); }
      } catch (error) {
        self.say([self.label("form.load.unreadable", {name: name})], true);
        return;
      }
      self.load(name, source);
    });
  };

  Page.prototype.load = function (name, source) {
    if (this.hasWork() && !window.confirm(this.label("form.replace_confirm"))) { return; }
    var before = this.form.snapshot();
    var result;
    try {
      result = this.form.read(source);
    } catch (error) {
      this.form.restore(before);
      if (error instanceof YamlError) {
        this.say([this.label("form.load.unreadable", {name: name}),
                  this.label(error.key, Object.assign({line: error.line}, error.extra))], true);
      } else if (error instanceof LoadError) {
        this.say([this.label(error.key, Object.assign({name: name}, error.values))], true);
      } else {
        throw error;
      }
      return;
    }
    this.show();
    this.store();
    var self = this;
    this.say([this.plural("form.loaded", result.count, {name: name})].concat(
      result.notices.map(function (notice) {
        var key = notice[0];
        return self.label(key, Object.assign({name: name}, notice[1]));
      })));
  };

  var data = JSON.parse(document.getElementById("form-data").textContent);
  LIMITS = data.limits;
  var form = new Form(data);
  var page = new Page(form, document.getElementById("app"));
  page.build();
  page.restore();
  page.show();

  // For tests and for the curious: the logic of the page, without the page.
  window.stimuleringForm = {
    visible: function (answers, header) {
      var shown = asked(data.questions, answers, header || {role: "", level: ""});
      return data.questions.filter(function (q) { return shown[q.id]; }).map(function (q) {
        return q.id;
      });
    },
    parseYaml: function (text) {
      try {
        return {data: plainData(parseYaml(text))};
      } catch (error) {
        if (error instanceof YamlError) { return {error: error.key, line: error.line}; }
        throw error;
      }
    },
    writeYaml: function (json) {
      function revive(value) {
        if (Array.isArray(value)) { return value.map(revive); }
        if (value && typeof value === "object") {
          if (has(value, "float")) { return new YamlFloat(value.float); }
          if (has(value, "date")) { return new YamlDate(value.date); }
          var map = new Map();
          Object.keys(value).forEach(function (key) { map.set(key, revive(value[key])); });
          return map;
        }
        return value;
      }
      return toYaml(revive(json));
    },
    answersYaml: function () { return form.toYaml(); },
    fileName: function (coalition, organisation, date) {
      return slug(coalition) + "-" + slug(organisation) + "-" + date + ".yaml";
    },
    // Whether the page opens ``source`` as an answers file: null, or why it does not.
    check: function (source) {
      var probe = new Form(data);
      try {
        probe.read(source);
        return null;
      } catch (error) {
        if (error instanceof YamlError || error instanceof LoadError) { return error.key; }
        throw error;
      }
    },
    load: function (name, source) { page.load(name, source); }
  };
}());
