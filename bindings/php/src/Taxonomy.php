<?php
declare(strict_types=1);

namespace Skillmatch;

use FFI;
use FFI\CData;

/**
 * An immutable skill taxonomy (its resolver and similarity tables are built on first use).
 * Create with bundled() or load(); released by close() or when the object goes out of scope.
 * Engines and results keep what they need, so a taxonomy may be released before them.
 */
final class Taxonomy extends Handle
{
    protected const FREE = 'skm_taxonomy_free';

    /** @internal wraps a handle the caller owns; use bundled(), load() or Engine::taxonomy(). */
    public function __construct(CData $handle)
    {
        $this->handle = $handle;
    }

    /** The taxonomy compiled into the library (O*NET, ESCO, Stack Overflow, Japanese labels). */
    public static function bundled(): self
    {
        $out = Native::lib()->new('skm_taxonomy *');
        Native::check(Native::lib()->skm_taxonomy_bundled(FFI::addr($out)));
        return new self($out);
    }

    /**
     * Loads native-format taxonomy files (docs/taxonomy-format.md; a directory stands for its *.tsv).
     * Throws IOException, ParseException, DuplicateException, NotFoundException, CycleException
     * naming the file and line.
     * @param string|list<string> $paths
     */
    public static function load(string|array $paths): self
    {
        $paths = is_string($paths) ? [$paths] : array_values($paths);
        $ffi = Native::lib();
        $keep = [];
        $array = $ffi->new('const char *[' . max(count($paths), 1) . ']');
        foreach ($paths as $i => $path) {
            $keep[] = $buffer = Native::cstring($path, "paths[$i]");
            $array[$i] = $buffer === null ? null : Native::lib()->cast('const char *', $buffer);
        }
        $out = $ffi->new('skm_taxonomy *');
        Native::check($ffi->skm_taxonomy_load($array, count($paths), FFI::addr($out)));
        return new self($out);
    }

    /** Number of concepts. */
    public function size(): int
    {
        $count = Native::lib()->new('size_t');
        Native::check(Native::lib()->skm_taxonomy_size($this->handle, FFI::addr($count)));
        return $count->cdata;
    }

    /** The concept with this id (or alias id); NotFoundException when there is none. */
    public function concept(?string $id): Concept
    {
        $ffi = Native::lib();
        $label = $ffi->new('const char *');
        $kind = $ffi->new('const char *');
        Native::check($ffi->skm_taxonomy_concept($this->handle, Native::str($id, 'id'), FFI::addr($label), FFI::addr($kind)));
        return new Concept((string) $id, Native::text($label), Native::text($kind));
    }

    /**
     * Readings of free skill text ("nodejs", "MS Excel", "機械学習", "Pyhton"), best first; [] when
     * the text names nothing known.
     * @return list<ScoredConcept>
     */
    public function resolve(?string $text, int $maxResults = 5, float $minConfidence = 0.5, bool $fuzzy = true): array
    {
        $ffi = Native::lib();
        $options = $ffi->new('skm_resolve_options');
        Native::check($ffi->skm_resolve_options_init(FFI::addr($options), FFI::sizeof($options)));
        if ($maxResults < 0) {
            throw Exception\SkillmatchException::fromStatus(1, 'invalid_argument', "maxResults must be >= 0, got $maxResults");
        }
        $options->max_results = $maxResults;
        $options->min_confidence = $minConfidence;
        $options->fuzzy = $fuzzy ? 1 : 0;
        $out = $ffi->new('skm_concept_list *');
        Native::check($ffi->skm_taxonomy_resolve($this->handle, Native::str($text, 'text'), FFI::addr($options), FFI::addr($out)));
        return self::consumeList($out);
    }

    /**
     * The concepts most similar to a concept id or free text, best first, at most $k (k = 0 is the
     * library's InvalidArgumentException).
     * @return list<ScoredConcept>
     */
    public function similar(?string $term, int $k = 10): array
    {
        $ffi = Native::lib();
        $out = $ffi->new('skm_concept_list *');
        Native::check($ffi->skm_taxonomy_similar($this->handle, Native::str($term, 'term'), Engine::size_t($k, 'k'), FFI::addr($out)));
        return self::consumeList($out);
    }

    /** sim(a, b) in [0, 1] of two concept ids (1 for the same concept). */
    public function similarity(?string $idA, ?string $idB): float
    {
        $ffi = Native::lib();
        $value = $ffi->new('double');
        Native::check($ffi->skm_taxonomy_similarity($this->handle, Native::str($idA, 'idA'), Native::str($idB, 'idB'), FFI::addr($value)));
        return $value->cdata;
    }

    /** @return list<ScoredConcept> (frees the list) */
    private static function consumeList(CData $list): array
    {
        $ffi = Native::lib();
        try {
            $count = $ffi->new('size_t');
            Native::check($ffi->skm_concept_list_count($list, FFI::addr($count)));
            $id = $ffi->new('const char *');
            $label = $ffi->new('const char *');
            $detail = $ffi->new('const char *');
            $score = $ffi->new('double');
            $items = [];
            for ($i = 0; $i < $count->cdata; $i++) {
                Native::check($ffi->skm_concept_list_get($list, $i, FFI::addr($id), FFI::addr($label), FFI::addr($score), FFI::addr($detail)));
                $items[] = new ScoredConcept(Native::text($id), Native::text($label), $score->cdata, Native::text($detail));
            }
            return $items;
        } finally {
            $ffi->skm_concept_list_free($list);
        }
    }
}
