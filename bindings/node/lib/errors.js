'use strict';
// Errors thrown for the C ABI's status codes: every failing skm_* call becomes a SkillmatchError
// subclass chosen by its status, carrying the status code, its name and the library's message
// (skm_last_error(), which names what and where: the id, the line, the position in a filter).

const { native } = require('./native');

class SkillmatchError extends Error {
  /**
   * @param {number} status the skm_status code
   * @param {string} statusName e.g. "parse_error"
   * @param {string} detail the library's message
   */
  constructor(status, statusName, detail) {
    super(detail ? `${statusName}: ${detail}` : statusName);
    this.name = new.target.name;
    this.status = status;
    this.statusName = statusName;
    this.detail = detail;
  }
}

const make = (name) => ({ [name]: class extends SkillmatchError {} })[name];
const InvalidArgumentError = make('InvalidArgumentError');   // 1
const ParseError = make('ParseError');                       // 2
const IOError = make('IOError');                             // 3
const NotFoundError = make('NotFoundError');                 // 4
const CycleError = make('CycleError');                       // 5
const DimensionMismatchError = make('DimensionMismatchError'); // 6
const InvalidValueError = make('InvalidValueError');         // 7
const DuplicateError = make('DuplicateError');               // 8
const CorruptError = make('CorruptError');                   // 9
const InternalError = make('InternalError');                 // 10
const NullArgumentError = make('NullArgumentError');         // 11
const OutOfMemoryError = make('OutOfMemoryError');           // 12

// Codes the binding does not know give SkillmatchError itself (new codes may be added at the end).
const ERROR_CLASSES = [null, InvalidArgumentError, ParseError, IOError, NotFoundError, CycleError,
  DimensionMismatchError, InvalidValueError, DuplicateError, CorruptError, InternalError,
  NullArgumentError, OutOfMemoryError];

/** Throws the error for a non-zero skm_status; returns for SKM_OK. */
function check(status) {
  if (status === 0) return;
  const fns = native();
  // Read right after the failing call: skm_last_error() is per thread, and JS runs on one.
  const detail = fns.skm_last_error() || '';
  const name = fns.skm_status_name(status) || 'unknown';
  const Cls = ERROR_CLASSES[status] || SkillmatchError;
  throw new Cls(status, name, detail);
}

module.exports = {
  SkillmatchError, InvalidArgumentError, ParseError, IOError, NotFoundError, CycleError,
  DimensionMismatchError, InvalidValueError, DuplicateError, CorruptError, InternalError,
  NullArgumentError, OutOfMemoryError, check,
};
