<?php
declare(strict_types=1);

namespace Skillmatch;

/** The side of the market a profile belongs to; a query of one side matches the other. */
enum Side: int
{
    case Job = 0;
    case Candidate = 1;
}
