<?php
declare(strict_types=1);

namespace Skillmatch\Exception;

/** SKM_NOT_FOUND (4): an id, term or attribute that names nothing. */
class NotFoundException extends SkillmatchException
{
}
