<?php
declare(strict_types=1);

namespace Skillmatch\Exception;

/** SKM_OUT_OF_MEMORY (12): an allocation failed; the handle involved is unchanged. */
class OutOfMemoryException extends SkillmatchException
{
}
