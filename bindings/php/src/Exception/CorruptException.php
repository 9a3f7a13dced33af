<?php
declare(strict_types=1);

namespace Skillmatch\Exception;

/** SKM_CORRUPT (9): a file that fails its own integrity checks. */
class CorruptException extends SkillmatchException
{
}
