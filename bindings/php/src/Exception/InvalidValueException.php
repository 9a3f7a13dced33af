<?php
declare(strict_types=1);

namespace Skillmatch\Exception;

/** SKM_INVALID_VALUE (7): NaN, infinity or an otherwise unusable number. */
class InvalidValueException extends SkillmatchException
{
}
