<?php
declare(strict_types=1);

namespace Skillmatch\Exception;

/** SKM_INTERNAL (10): a broken invariant inside skillmatch (a bug: please report it). */
class InternalException extends SkillmatchException
{
}
