<?php
declare(strict_types=1);

namespace Skillmatch;

/**
 * One match of a query (PHP reserves the word "match"): the document's id, its score in [0, 1]
 * and, when the query asked for explain, the explanation (docs/matching.md: "parts",
 * "requirements", "missing_required", "preferences", "filter") decoded as an array; else null.
 */
final class Hit
{
    public function __construct(
        public readonly string $id,
        public readonly float $score,
        public readonly ?array $explanation = null,
    ) {
    }
}
