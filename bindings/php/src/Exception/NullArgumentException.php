<?php
declare(strict_types=1);

namespace Skillmatch\Exception;

/** SKM_NULL_ARGUMENT (11): a required string or handle was null (also: a handle used after close()). */
class NullArgumentException extends SkillmatchException
{
}
