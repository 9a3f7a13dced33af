<?php
declare(strict_types=1);

namespace Skillmatch;

/**
 * One item of Taxonomy::resolve() (score = confidence, detail = the method, such as "synonym") or
 * Taxonomy::similar() (score = similarity, detail = the concept's kind).
 */
final class ScoredConcept
{
    public function __construct(
        public readonly string $id,
        public readonly string $label,
        public readonly float $score,
        public readonly string $detail,
    ) {
    }
}
