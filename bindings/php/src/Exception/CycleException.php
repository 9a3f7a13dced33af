<?php
declare(strict_types=1);

namespace Skillmatch\Exception;

/** SKM_CYCLE (5): a taxonomy's broader graph is not a DAG. */
class CycleException extends SkillmatchException
{
}
