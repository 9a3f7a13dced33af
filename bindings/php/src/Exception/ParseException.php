<?php
declare(strict_types=1);

namespace Skillmatch\Exception;

/** SKM_PARSE_ERROR (2): malformed text (profile JSON, a filter expression, a schema, a taxonomy file). */
class ParseException extends SkillmatchException
{
}
