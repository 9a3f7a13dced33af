<?php
declare(strict_types=1);

namespace Skillmatch\Exception;

/** SKM_IO_ERROR (3): a file could not be opened or read. */
class IOException extends SkillmatchException
{
}
