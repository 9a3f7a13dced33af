<?php
declare(strict_types=1);

namespace Skillmatch;

use FFI;
use FFI\CData;

/**
 * The best matches of one query, best first (ties by id): countable, iterable (Hit objects),
 * at($i). Holds the library's results handle, read on demand and released by close() or when the
 * object goes (__destruct); it stays valid after the engine is released.
 *
 * @implements \IteratorAggregate<int, Hit>
 */
final class Results extends Handle implements \Countable, \IteratorAggregate
{
    protected const FREE = 'skm_results_free';

    private int $count;

    /** @internal made by Engine. */
    public function __construct(CData $handle, private bool $explain)
    {
        $this->handle = $handle;
        $count = Native::lib()->new('size_t');
        Native::check(Native::lib()->skm_results_count($handle, FFI::addr($count)));
        $this->count = $count->cdata;
    }

    public function count(): int
    {
        return $this->count;
    }

    /** The query profile's id. */
    public function queryId(): string
    {
        $id = Native::lib()->new('const char *');
        Native::check(Native::lib()->skm_results_query_id($this->handle, FFI::addr($id)));
        return Native::text($id);
    }

    /** How many documents passed the filters, before top-k. */
    public function admitted(): int
    {
        $value = Native::lib()->new('size_t');
        Native::check(Native::lib()->skm_results_admitted($this->handle, FFI::addr($value)));
        return $value->cdata;
    }

    /** The id of match $i (0 = best); InvalidArgumentException when $i >= count(). */
    public function id(int $i): string
    {
        $id = Native::lib()->new('const char *');
        Native::check(Native::lib()->skm_results_id($this->handle, Engine::size_t($i, 'index'), FFI::addr($id)));
        return Native::text($id);
    }

    /** The score of match $i in [0, 1]. */
    public function score(int $i): float
    {
        $score = Native::lib()->new('double');
        Native::check(Native::lib()->skm_results_score($this->handle, Engine::size_t($i, 'index'), FFI::addr($score)));
        return $score->cdata;
    }

    /** Match $i: id, score and (with explain) the explanation decoded from the library's JSON. */
    public function at(int $i): Hit
    {
        $explanation = null;
        if ($this->explain) {
            $text = Native::lib()->new('const char *');
            Native::check(Native::lib()->skm_results_explanation_json($this->handle, Engine::size_t($i, 'index'), FFI::addr($text)));
            $explanation = json_decode(Native::text($text), true, 512, JSON_THROW_ON_ERROR);
        }
        return new Hit($this->id($i), $this->score($i), $explanation);
    }

    /** Every result as the library's JSON text: {"query", "admitted", "matches": [...]}. */
    public function json(): string
    {
        $text = Native::lib()->new('const char *');
        Native::check(Native::lib()->skm_results_json($this->handle, FFI::addr($text)));
        return Native::text($text);
    }

    /** @return \Generator<int, Hit> */
    public function getIterator(): \Generator
    {
        for ($i = 0; $i < $this->count; $i++) {
            yield $i => $this->at($i);
        }
    }

    /** @return list<Hit> */
    public function toArray(): array
    {
        return iterator_to_array($this->getIterator(), false);
    }
}
