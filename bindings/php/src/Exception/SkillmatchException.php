<?php
declare(strict_types=1);

namespace Skillmatch\Exception;

/**
 * A call into libskillmatch failed. getStatus() is the skm_status code, getStatusName() its name
 * ("parse_error"), getDetail() the library's message (skm_last_error(): what and where, such as the
 * line, the id or the position in a filter). getMessage() is "status_name: detail".
 * Each status has a subclass (fromStatus() picks it); unknown codes give this class.
 */
class SkillmatchException extends \RuntimeException
{
    private const CLASSES = [
        1 => InvalidArgumentException::class,
        2 => ParseException::class,
        3 => IOException::class,
        4 => NotFoundException::class,
        5 => CycleException::class,
        6 => DimensionMismatchException::class,
        7 => InvalidValueException::class,
        8 => DuplicateException::class,
        9 => CorruptException::class,
        10 => InternalException::class,
        11 => NullArgumentException::class,
        12 => OutOfMemoryException::class,
    ];

    final public function __construct(private int $status, private string $statusName, private string $detail)
    {
        parent::__construct($detail === '' ? $statusName : "$statusName: $detail", $status);
    }

    public static function fromStatus(int $status, string $statusName, string $detail): self
    {
        $class = self::CLASSES[$status] ?? self::class;
        return new $class($status, $statusName, $detail);
    }

    public function getStatus(): int
    {
        return $this->status;
    }

    public function getStatusName(): string
    {
        return $this->statusName;
    }

    public function getDetail(): string
    {
        return $this->detail;
    }
}
