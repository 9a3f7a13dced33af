<?php
declare(strict_types=1);

namespace Skillmatch;

use FFI;
use FFI\CData;
use Skillmatch\Exception\SkillmatchException;

/**
 * Matches jobs and candidates: create it, add profiles with upsert(), query with match().
 * Released by close() or when the last reference goes (__destruct calls skm_engine_free).
 * Results already returned stay valid after the engine is released.
 *
 * Errors: every failing call throws the SkillmatchException subclass of its status with the
 * library's message. A string argument given as null reaches the library, which reports
 * NullArgumentException; so does any call after close().
 */
final class Engine extends Handle
{
    protected const FREE = 'skm_engine_free';

    private const FLOAT_OPTIONS = [
        'mustThreshold' => 'must_threshold', 'similarityFloor' => 'similarity_floor', 'specificity' => 'specificity',
        'weightVector' => 'weight_vector', 'weightRequired' => 'weight_required',
        'weightPreferred' => 'weight_preferred', 'weightPreferences' => 'weight_preferences',
    ];

    /**
     * @param ?Taxonomy $taxonomy null = the bundled one
     * @param string|array|null $jobSchema, $candidateSchema attribute schemas (docs/profiles.md) as JSON
     *        text or arrays; filters of job queries use the candidate schema, and the reverse
     * @param bool $externalVectors profiles carry "vector"; else vectors are learned at start-up (seconds)
     * Throws InvalidArgumentException, ParseException or DuplicateException for bad options or schemas.
     */
    public function __construct(
        ?Taxonomy $taxonomy = null,
        string|array|null $jobSchema = null,
        string|array|null $candidateSchema = null,
        bool $externalVectors = false,
        int $dimension = 128,
        int $threads = 0,
        float $minConfidence = 0.6,
    ) {
        $ffi = Native::lib();
        $options = $ffi->new('skm_engine_options');
        Native::check($ffi->skm_engine_options_init(FFI::addr($options), FFI::sizeof($options)));
        if ($taxonomy !== null) {
            if ($taxonomy->raw() === null) {
                throw SkillmatchException::fromStatus(11, 'null_argument', 'taxonomy is closed');
            }
            $options->taxonomy = $taxonomy->raw();
        }
        // The C copies of the schema texts must live until skm_engine_create() returns.
        $job = Native::cstring($jobSchema === null ? null : Native::json($jobSchema, 'jobSchema'), 'jobSchema');
        $candidate = Native::cstring($candidateSchema === null ? null : Native::json($candidateSchema, 'candidateSchema'), 'candidateSchema');
        $options->job_schema_json = $job === null ? null : Native::lib()->cast('const char *', $job);
        $options->candidate_schema_json = $candidate === null ? null : Native::lib()->cast('const char *', $candidate);
        $options->external_vectors = $externalVectors ? 1 : 0;
        $options->dimension = self::size_t($dimension, 'dimension');
        $options->threads = self::size_t($threads, 'threads');
        $options->min_confidence = $minConfidence;
        $out = $ffi->new('skm_engine *');
        Native::check($ffi->skm_engine_create(FFI::addr($options), FFI::addr($out)));
        $this->handle = $out;
    }

    /** Vector length of the engine's profiles. */
    public function dimension(): int
    {
        $value = Native::lib()->new('size_t');
        Native::check(Native::lib()->skm_engine_dimension($this->handle, FFI::addr($value)));
        return $value->cdata;
    }

    /** A new handle on the engine's taxonomy. */
    public function taxonomy(): Taxonomy
    {
        $out = Native::lib()->new('skm_taxonomy *');
        Native::check(Native::lib()->skm_engine_taxonomy($this->handle, FFI::addr($out)));
        return new Taxonomy($out);
    }

    /** Number of live profiles on $side. */
    public function size(Side $side): int
    {
        $value = Native::lib()->new('size_t');
        Native::check(Native::lib()->skm_engine_size($this->handle, $side->value, FFI::addr($value)));
        return $value->cdata;
    }

    /**
     * Adds or replaces profiles on $side: JSON or JSONL text, one profile as an array, or a list of
     * them. Returns how many were added or replaced. Every line is parsed before anything is added
     * (a ParseException adds nothing); an error while adding stops there, earlier ones stay.
     */
    public function upsert(Side $side, string|array|null $profiles): int
    {
        if (is_array($profiles)) {
            $profiles = array_is_list($profiles) && $profiles !== []
                ? implode("\n", array_map(fn ($p) => Native::json($p, 'each profile'), $profiles))
                : Native::json($profiles, 'profile');
        }
        $added = Native::lib()->new('size_t');
        Native::check(Native::lib()->skm_engine_upsert_json($this->handle, $side->value, Native::str($profiles, 'profiles'), FFI::addr($added)));
        return $added->cdata;
    }

    /** Adds or replaces every profile of a JSONL file (see upsert()). */
    public function upsertFile(Side $side, string $path): int
    {
        $text = @file_get_contents($path);
        if ($text === false) {
            throw SkillmatchException::fromStatus(3, 'io_error', "cannot read $path");
        }
        return $this->upsert($side, $text);
    }

    /** Removes a profile; true when it was there. */
    public function remove(Side $side, ?string $id): bool
    {
        $removed = Native::lib()->new('int');
        Native::check(Native::lib()->skm_engine_remove($this->handle, $side->value, Native::str($id, 'id'), FFI::addr($removed)));
        return $removed->cdata !== 0;
    }

    /**
     * The best documents of the other side for a query profile of $side (not stored): JSON text or
     * an array. $filter is an expression over the other side's attributes (docs/filters.md), e.g.
     * 'jlpt >= N3 and not visa_refused'. The other options default to the library's values (null).
     * $preferences maps a filter expression to its weight (soft preferences).
     * Throws ParseException (the JSON or the filter, with the position), NotFoundException (an
     * attribute the filter names), InvalidArgumentException (k = 0, options out of range)...
     *
     * @param array<string, float>|null $preferences
     */
    public function match(
        string|array|null $query,
        Side $side = Side::Job,
        int $k = 10,
        ?string $filter = null,
        bool $explain = false,
        ?bool $requiredAsFilter = null,
        ?float $mustThreshold = null,
        ?float $similarityFloor = null,
        ?float $specificity = null,
        ?float $weightVector = null,
        ?float $weightRequired = null,
        ?float $weightPreferred = null,
        ?float $weightPreferences = null,
        ?array $preferences = null,
        ?int $rerankDepth = null,
        ?int $threads = null,
    ): Results {
        $settings = get_defined_vars();
        [$options, $keep] = $this->options($settings);
        $text = is_array($query) ? Native::json($query, 'query') : $query;
        $ffi = Native::lib();
        $out = $ffi->new('skm_results *');
        Native::check($ffi->skm_engine_match_json($this->handle, $side->value, Native::str($text, 'query'), FFI::addr($options), FFI::addr($out)));
        unset($keep);
        return new Results($out, $explain);
    }

    /** The same for a profile stored on $side under $id; NotFoundException for an unknown id. */
    public function matchId(Side $side, ?string $id, int $k = 10, ?string $filter = null, bool $explain = false,
                            ?bool $requiredAsFilter = null, ?array $preferences = null, ?int $threads = null): Results
    {
        $settings = get_defined_vars();
        [$options, $keep] = $this->options($settings);
        $ffi = Native::lib();
        $out = $ffi->new('skm_results *');
        Native::check($ffi->skm_engine_match_id($this->handle, $side->value, Native::str($id, 'id'), FFI::addr($options), FFI::addr($out)));
        unset($keep);
        return new Results($out, $explain);
    }

    /**
     * Every stored profile of $side against the other side (batched), in row order.
     * @return list<Results>
     */
    public function matchAll(Side $side, int $k = 10, ?string $filter = null, bool $explain = false,
                             ?bool $requiredAsFilter = null, ?array $preferences = null, ?int $threads = null): array
    {
        $settings = get_defined_vars();
        [$options, $keep] = $this->options($settings);
        $ffi = Native::lib();
        $batch = $ffi->new('skm_batch *');
        Native::check($ffi->skm_engine_match_all($this->handle, $side->value, FFI::addr($options), FFI::addr($batch)));
        unset($keep);
        try {
            $count = $ffi->new('size_t');
            Native::check($ffi->skm_batch_count($batch, FFI::addr($count)));
            $all = [];
            for ($i = 0; $i < $count->cdata; $i++) {
                $one = $ffi->new('skm_results *');
                Native::check($ffi->skm_batch_get($batch, $i, FFI::addr($one)));
                $all[] = new Results($one, $explain);
            }
            return $all;
        } finally {
            $ffi->skm_batch_free($batch);
        }
    }

    /**
     * A filled skm_match_options and the C buffers its pointers borrow (keep them referenced).
     * @return array{CData, list<CData>}
     */
    private function options(array $settings): array
    {
        $ffi = Native::lib();
        $options = $ffi->new('skm_match_options');
        Native::check($ffi->skm_match_options_init(FFI::addr($options), FFI::sizeof($options)));
        $keep = [];
        $options->k = self::size_t($settings['k'], 'k');
        if ($settings['filter'] !== null) {
            $keep[] = $buffer = Native::cstring($settings['filter'], 'filter');
            $options->filter = Native::lib()->cast('const char *', $buffer);
        }
        $options->explain = $settings['explain'] ? 1 : 0;
        if (($settings['requiredAsFilter'] ?? null) !== null) {
            $options->required_as_filter = $settings['requiredAsFilter'] ? 1 : 0;
        }
        foreach (self::FLOAT_OPTIONS as $name => $field) {
            if (($settings[$name] ?? null) !== null) {
                $options->{$field} = $settings[$name];
            }
        }
        if (($settings['rerankDepth'] ?? null) !== null) {
            $options->rerank_depth = self::size_t($settings['rerankDepth'], 'rerankDepth');
        }
        if (($settings['threads'] ?? null) !== null) {
            $options->threads = self::size_t($settings['threads'], 'threads');
        }
        $preferences = $settings['preferences'] ?? null;
        if ($preferences !== null && $preferences !== []) {
            $array = $ffi->new('skm_preference[' . count($preferences) . ']');
            $i = 0;
            foreach ($preferences as $expression => $weight) {
                $keep[] = $buffer = Native::cstring((string) $expression, "preferences[$i]");
                $array[$i]->expression = Native::lib()->cast('const char *', $buffer);
                $array[$i]->weight = (float) $weight;
                $i++;
            }
            $keep[] = $array;
            $options->preferences = Native::lib()->cast('const skm_preference *', FFI::addr($array[0]));
            $options->preference_count = count($preferences);
        }
        return [$options, $keep];
    }

    /** @internal a PHP int for a size_t field: negative values are refused (C would wrap them). */
    public static function size_t(int $value, string $what): int
    {
        if ($value < 0) {
            throw SkillmatchException::fromStatus(1, 'invalid_argument', "$what must not be negative, got $value");
        }
        return $value;
    }
}
