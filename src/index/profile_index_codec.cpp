// One side of the index file: schema, profiles, vectors and attribute columns (docs/index-format.md).
#include "index/profile_index_codec.hpp"

#include <algorithm>
#include <cmath>
#include <future>

#include "index/byte_io.hpp"

namespace skillmatch {

struct IndexFileAccess {
  using Column = AttributeColumns::Column;
  static const std::vector<Column>& columns(const AttributeColumns& c) { return c.cols_; }
  static std::vector<Column>& columns(AttributeColumns& c) { return c.cols_; }

  static std::vector<std::uint32_t> live_rows(const ProfileIndex& i) {
    std::vector<std::uint32_t> rows;
    rows.reserve(i.live_.count());
    i.live_.for_each_set([&](std::size_t r) { rows.push_back(static_cast<std::uint32_t>(r)); });
    return rows;
  }

  static void encode(const ProfileIndex& ix, indexfile::ContainerWriter& writer);
  static std::unique_ptr<ProfileIndex> decode(const indexfile::ContainerReader& reader, Side side, std::size_t dim,
                                              std::size_t taxonomy_size);
};

namespace {

using indexfile::ByteCursor;
using indexfile::ByteWriter;

std::uint32_t side_code(Side s) { return s == Side::job ? indexfile::side_job : indexfile::side_candidate; }

void write_bitmap(ByteWriter& w, const Bitmap& b, std::span<const std::uint32_t> rows) {
  Bitmap out(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (b.test(rows[i])) out.set(i);
  w.u64s(out.words());
}

void read_bitmap(ByteCursor& c, Bitmap& out, std::size_t rows, std::string_view what) {
  if ((rows + 63) / 64 > c.remaining() / 8) c.fail_here(std::string(what) + ": the section ends before the bitmap");
  out = Bitmap(rows);
  auto words = out.words();
  for (auto& word : words) word = c.u64(what);
  if ((rows & 63) && (words.back() >> (rows & 63)))
    c.fail_here(std::string(what) + ": bits set past the last row");
}

std::vector<std::uint8_t> encode_schema(const AttributeSchema& schema) {
  ByteWriter w;
  w.u32(static_cast<std::uint32_t>(schema.size()));
  for (const auto& d : schema.attributes()) {
    w.str(d.name);
    w.u8(static_cast<std::uint8_t>(d.type));
    // Flags: bit 0 multi_valued, bit 1 protected (an older reader refuses bit 1: it could not honour it).
    w.u8(static_cast<std::uint8_t>((d.multi_valued ? 1 : 0) | (d.is_protected ? 2 : 0)));
    if (d.type == AttributeType::ordinal) {
      w.str(d.scale->name());
      w.u32(static_cast<std::uint32_t>(d.scale->size()));
      for (const auto& l : d.scale->levels()) w.str(l);
    }
  }
  return std::move(w.buffer());
}

AttributeSchema decode_schema(ByteCursor c) {
  AttributeSchema schema;
  const std::uint32_t n = c.u32("attribute count");
  if (n > c.remaining() / 6) c.fail_here("attribute count " + std::to_string(n) + " does not fit in the section");
  for (std::uint32_t i = 0; i < n; ++i) {
    const std::uint64_t at = c.offset();
    std::string name = c.str("attribute name");
    const std::uint8_t type = c.u8("attribute type");
    const std::uint8_t flags = c.u8("attribute flags");
    if (flags > 3) c.fail_at(at, "attribute '" + name + "': unknown attribute flags " + std::to_string(flags));
    const bool multi = (flags & 1) != 0;
    try {
      switch (type) {
        case std::uint8_t(AttributeType::categorical): schema.add_categorical(name, multi); break;
        case std::uint8_t(AttributeType::numeric): schema.add_numeric(name); break;
        case std::uint8_t(AttributeType::boolean): schema.add_boolean(name); break;
        case std::uint8_t(AttributeType::ordinal): {
          std::string scale = c.str("ordinal scale name");
          const std::uint32_t levels = c.u32("ordinal level count");
          if (levels > OrdinalScale::max_levels) c.fail_at(at, "attribute '" + name + "': too many ordinal levels");
          std::vector<std::string> names;
          for (std::uint32_t l = 0; l < levels; ++l) names.push_back(c.str("ordinal level"));
          schema.add_ordinal(name, OrdinalScale(std::move(scale), std::move(names)));
          break;
        }
        default: c.fail_at(at, "attribute '" + name + "': unknown type " + std::to_string(type));
      }
    } catch (const Error& e) {
      if (e.code() == ErrorCode::corrupt) throw;
      c.fail_at(at, "attribute " + std::to_string(i) + ": " + e.what());
    }
    if (multi && type != std::uint8_t(AttributeType::categorical))
      c.fail_at(at, "attribute '" + name + "': only a categorical attribute can be multi-valued");
    if (flags & 2) schema.set_protected(name);
  }
  c.expect_end();
  return schema;
}

}  // namespace

void IndexFileAccess::encode(const ProfileIndex& ix, indexfile::ContainerWriter& writer) {
  const std::uint32_t side = side_code(ix.side_);
  const auto rows = live_rows(ix);
  const std::size_t dim = ix.vectors_.dim();

  writer.add_owned(indexfile::section_schema, side, encode_schema(ix.schema()));

  ByteWriter p;
  p.u64(rows.size());
  for (std::uint32_t r : rows) {
    p.str(ix.ids_[r]);
    p.str(ix.titles_[r]);
    const auto& skills = ix.skills_[r];
    p.u32(static_cast<std::uint32_t>(skills.size()));
    for (const auto& s : skills) {
      p.u32(s.concept_index);
      p.str(s.text);
      p.f32(s.weight);
      p.u8(s.required ? 1 : 0);
      p.f32(s.years);
      p.f32(s.level);
      p.f32(s.confidence);
    }
  }
  writer.add_owned(indexfile::section_profiles, side, std::move(p.buffer()));

  // Vectors: a 64-byte head (rows, dimension, zeros) so the floats start 64-byte aligned in the file.
  ByteWriter v;
  v.u64(rows.size());
  v.u64(dim);
  while (v.size() < 64) v.u8(0);
  const bool contiguous = rows.size() == ix.vectors_.size() && std::endian::native == std::endian::little;
  if (!contiguous)
    for (std::uint32_t r : rows) v.f32s(ix.vectors_.row(r));
  writer.add_owned(indexfile::section_vectors, side, std::move(v.buffer()));
  if (contiguous && !rows.empty())  // no tombstones: the store's bytes as they are, no copy
    writer.append_chunk(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(ix.vectors_.data()),
                                                      rows.size() * dim * sizeof(float)));

  ByteWriter cw;
  const auto& cols = columns(ix.columns_);
  for (std::size_t a = 0; a < cols.size(); ++a) {
    const AttributeDef& d = ix.schema()[a];
    const Column& c = cols[a];
    cw.u8(static_cast<std::uint8_t>(d.type));
    write_bitmap(cw, c.missing, rows);
    switch (d.type) {
      case AttributeType::numeric:
        for (std::uint32_t r : rows) cw.f64(c.numbers[r]);
        break;
      case AttributeType::ordinal:
        for (std::uint32_t r : rows) cw.u8(c.ranks[r]);
        break;
      case AttributeType::boolean: write_bitmap(cw, c.bools, rows); break;
      case AttributeType::categorical:
        cw.u64(c.values.size());
        for (const auto& s : c.values) cw.str(s);
        if (d.multi_valued) {
          for (std::uint32_t r : rows) {
            cw.u32(c.count[r]);
            for (std::size_t k = 0; k < c.count[r]; ++k) cw.u32(c.pool[c.begin[r] + k]);
          }
        } else {
          for (std::uint32_t r : rows) cw.u32(c.codes[r]);
        }
        break;
    }
  }
  writer.add_owned(indexfile::section_columns, side, std::move(cw.buffer()));
}

std::unique_ptr<ProfileIndex> IndexFileAccess::decode(const indexfile::ContainerReader& reader, Side side,
                                                      std::size_t dim, std::size_t taxonomy_size) {
  const std::uint32_t sc = side_code(side);
  auto section = [&](std::uint32_t type) {
    const auto* e = reader.find(type, sc);
    if (!e) fail(ErrorCode::corrupt, "section '" + indexfile::section_name(type, sc) + "' is missing");
    return ByteCursor(reader.bytes(*e), indexfile::section_name(type, sc), e->offset);
  };

  auto ix = std::make_unique<ProfileIndex>(side, decode_schema(section(indexfile::section_schema)), dim);

  // Vectors, on another thread while the profiles decode (they fill disjoint members).
  auto vectors = std::async(std::launch::async, [&ix, &section, dim] {
    ByteCursor v = section(indexfile::section_vectors);
    const std::uint64_t rows = v.u64("vector row count");
    if (v.u64("vector dimension") != dim) v.fail_at(v.offset() - 8, "dimension differs from the engine's " + std::to_string(dim));
    for (auto b : v.take(48, "vector section head")) if (b) v.fail_at(v.offset() - 48, "reserved head bytes are not zero");
    if (rows > VectorStore::max_rows || rows > v.remaining() / (dim * sizeof(float)) || rows * dim * sizeof(float) != v.remaining())
      v.fail_here("expected " + std::to_string(rows) + " x " + std::to_string(dim) + " floats, the section has " +
                  std::to_string(v.remaining()) + " bytes");
    ix->vectors_.reserve(rows);
    std::vector<float> row(dim);
    for (std::uint64_t r = 0; r < rows; ++r) {
      const std::uint64_t at = v.offset();
      v.f32s(row, "vector");
      try {
        ix->vectors_.append(row);  // checks every component is finite
      } catch (const Error& e) {
        v.fail_at(at, "row " + std::to_string(r) + ": " + e.what());
      }
    }
    return rows;
  });

  // Profiles.
  ByteCursor p = section(indexfile::section_profiles);
  const std::uint64_t rows = p.count("row count", 12);
  if (rows > VectorStore::max_rows) p.fail_here("row count exceeds the maximum");
  ix->ids_.resize(rows);
  ix->titles_.resize(rows);
  ix->skills_.resize(rows);
  ix->row_of_.reserve(rows);
  for (std::uint64_t r = 0; r < rows; ++r) {
    const std::uint64_t at = p.offset();
    std::string id = p.str("profile id");
    if (id.empty()) p.fail_at(at, "row " + std::to_string(r) + " has an empty id");
    ix->titles_[r] = p.str("profile title");
    const std::uint32_t n = p.u32("skill count");
    if (n > p.remaining() / 21) p.fail_at(at, "profile '" + id + "': skill count " + std::to_string(n) + " does not fit");
    auto& skills = ix->skills_[r];
    skills.resize(n);
    for (auto& s : skills) {
      const std::uint64_t sat = p.offset();
      s.concept_index = p.u32("concept index");
      if (s.concept_index >= taxonomy_size)
        p.fail_at(sat, "profile '" + id + "': concept index " + std::to_string(s.concept_index) +
                           " is outside the taxonomy (" + std::to_string(taxonomy_size) + " concepts)");
      s.text = p.str("skill text");
      s.weight = p.finite_f32("skill weight");
      s.required = p.boolean("required flag");
      s.years = p.finite_f32("skill years");
      s.level = p.finite_f32("skill level");
      s.confidence = p.finite_f32("skill confidence");
    }
    if (!ix->row_of_.emplace(id, static_cast<std::uint32_t>(r)).second)
      p.fail_at(at, "profile id '" + id + "' appears twice");
    ix->ids_[r] = std::move(id);
  }
  p.expect_end();
  const std::uint64_t vector_rows = vectors.get();  // rethrows the vector section's error
  if (vector_rows != rows)
    fail(ErrorCode::corrupt, "section '" + indexfile::section_name(indexfile::section_vectors, sc) + "': " +
                                 std::to_string(vector_rows) + " rows, the profiles section has " + std::to_string(rows));

  // Columns.
  ByteCursor c = section(indexfile::section_columns);
  ix->columns_.resize(rows);
  auto& cols = columns(ix->columns_);
  const AttributeSchema& schema = ix->columns_.schema();
  for (std::size_t a = 0; a < cols.size(); ++a) {
    const AttributeDef& d = schema[a];
    Column& col = cols[a];
    const std::string what = "attribute '" + d.name + "'";
    const std::uint64_t at = c.offset();
    if (c.u8("attribute type") != static_cast<std::uint8_t>(d.type)) c.fail_at(at, what + ": type differs from the schema");
    read_bitmap(c, col.missing, rows, what + " missing bits");
    switch (d.type) {
      case AttributeType::numeric:
        for (std::uint64_t r = 0; r < rows; ++r) {
          const std::uint64_t vat = c.offset();
          double x = c.f64("number");
          if (!std::isfinite(x)) c.fail_at(vat, what + ", row " + std::to_string(r) + ": not finite");
          col.numbers[r] = col.missing.test(r) ? 0.0 : x;
        }
        break;
      case AttributeType::ordinal:
        for (std::uint64_t r = 0; r < rows; ++r) {
          const std::uint64_t vat = c.offset();
          std::uint8_t x = c.u8("rank");
          if (x >= d.scale->size()) c.fail_at(vat, what + ", row " + std::to_string(r) + ": rank " + std::to_string(x) + " outside the scale");
          col.ranks[r] = col.missing.test(r) ? 0 : x;
        }
        break;
      case AttributeType::boolean:
        read_bitmap(c, col.bools, rows, what + " values");
        for (std::uint64_t r = 0; r < rows; ++r)
          if (col.missing.test(r)) col.bools.reset(r);
        break;
      case AttributeType::categorical: {
        const std::uint64_t n = c.count(what + " dictionary size", 4);
        if (n >= AttributeColumns::no_code) c.fail_here(what + ": dictionary too large");
        col.values.reserve(n);
        for (std::uint64_t k = 0; k < n; ++k) {
          const std::uint64_t sat = c.offset();
          std::string s = c.str("dictionary value");
          if (s.empty()) c.fail_at(sat, what + ": empty dictionary value");
          col.values.push_back(std::move(s));
          if (!col.index.emplace(col.values.back(), static_cast<std::uint32_t>(k)).second)
            c.fail_at(sat, what + ": dictionary value '" + col.values.back() + "' appears twice");
        }
        for (std::uint64_t r = 0; r < rows; ++r) {
          const std::uint64_t vat = c.offset();
          if (d.multi_valued) {
            const std::uint32_t m = c.u32("value count");
            if (m > c.remaining() / 4) c.fail_at(vat, what + ", row " + std::to_string(r) + ": value count does not fit");
            col.begin[r] = col.pool.size();
            col.count[r] = col.missing.test(r) ? 0 : m;
            std::uint32_t prev = 0;
            for (std::uint32_t k = 0; k < m; ++k) {
              const std::uint32_t code = c.u32("value code");
              if (code >= n || (k && code <= prev))
                c.fail_at(vat, what + ", row " + std::to_string(r) + ": codes must be distinct, ascending and < " + std::to_string(n));
              prev = code;
              if (!col.missing.test(r)) col.pool.push_back(code);
            }
          } else {
            const std::uint32_t code = c.u32("value code");
            if (col.missing.test(r)) continue;  // codes stay no_code where missing
            if (code >= n) c.fail_at(vat, what + ", row " + std::to_string(r) + ": code " + std::to_string(code) + " >= dictionary size");
            col.codes[r] = code;
          }
        }
        break;
      }
    }
  }
  c.expect_end();

  // Derived state: live rows, postings (rows ascending, as upsert keeps them).
  ix->live_.resize(rows, true);
  for (std::uint64_t r = 0; r < rows; ++r)
    for (const auto& s : ix->skills_[r]) {
      auto& list = ix->postings_[s.concept_index];
      if (list.empty() || list.back() != r) list.push_back(static_cast<std::uint32_t>(r));
    }
  return ix;
}

namespace indexfile {

void encode_side(const ProfileIndex& index, ContainerWriter& writer) { IndexFileAccess::encode(index, writer); }

std::unique_ptr<ProfileIndex> decode_side(const ContainerReader& reader, Side side, std::size_t dimension,
                                          std::size_t taxonomy_size) {
  return IndexFileAccess::decode(reader, side, dimension, taxonomy_size);
}

std::uint64_t side_rows(const ContainerReader& reader, Side side) {
  const auto* e = reader.find(section_profiles, side_code(side));
  if (!e || e->size < 8) return 0;
  ByteCursor c(reader.bytes(*e), section_name(section_profiles, side_code(side)), e->offset);
  return c.u64("row count");
}

}  // namespace indexfile
}  // namespace skillmatch
