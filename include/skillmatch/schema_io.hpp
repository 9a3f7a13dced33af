// skillmatch/schema_io.hpp — attribute schemas from schema files (docs/profiles.md) or inferred
// from profiles.
//
//   {"format": "skillmatch-attribute-schema", "version": 1, "side": "candidates",
//    "attributes": {"jlpt": {"type": "ordinal", "values": ["N5", "N4", "N3", "N2", "N1"]},
//                   "skills_tags": {"type": "categorical", "multi_valued": true}, ...}}
//
// Thread-safety: free functions over their arguments.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "skillmatch/attributes.hpp"
#include "skillmatch/profile.hpp"

namespace skillmatch {

/// Parses a schema file's text. Attributes are declared in the file's order. A categorical "values"
/// list is documentation in format version 1 (not enforced); an ordinal's "values" are its levels,
/// lowest first. Throws Error(parse_error) for bad JSON or a wrong "format"/"version", and
/// Error(invalid_argument) for an unknown type or a malformed declaration, naming `where` and the attribute.
AttributeSchema parse_attribute_schema_json(std::string_view json, std::string_view where);
/// Reads a schema file; Error(io_error) naming the path when it cannot be read.
AttributeSchema read_attribute_schema_file(const std::string& path);

/// A schema that fits every profile's attributes, for data without a schema file: booleans ->
/// boolean, numbers -> numeric, lists of strings -> multi-valued categorical, strings -> categorical,
/// except that an attribute whose strings are all JLPT levels (N1..N5) becomes the JLPT ordinal.
/// Attributes are declared in name order. Error(invalid_argument) naming the attribute and two
/// profile ids when one attribute has incompatible types across profiles.
AttributeSchema infer_attribute_schema(std::span<const Profile> profiles);

}  // namespace skillmatch
