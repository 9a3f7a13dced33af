<?php
declare(strict_types=1);

namespace Skillmatch\Exception;

/** SKM_INVALID_ARGUMENT (1): a value outside the documented domain (k = 0, bad side, invalid UTF-8...). */
class InvalidArgumentException extends SkillmatchException
{
}
