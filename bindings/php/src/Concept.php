<?php
declare(strict_types=1);

namespace Skillmatch;

/** A taxonomy concept: its stable id, preferred label and kind ("technology", "skill"...). */
final class Concept
{
    public function __construct(public readonly string $id, public readonly string $label, public readonly string $kind)
    {
    }
}
