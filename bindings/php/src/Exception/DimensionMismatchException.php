<?php
declare(strict_types=1);

namespace Skillmatch\Exception;

/** SKM_DIMENSION_MISMATCH (6): a vector of the wrong length. */
class DimensionMismatchException extends SkillmatchException
{
}
