<?php
declare(strict_types=1);

namespace Skillmatch\Exception;

/** SKM_DUPLICATE (8): an id given twice where ids must be unique. */
class DuplicateException extends SkillmatchException
{
}
