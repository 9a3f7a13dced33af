<?php
declare(strict_types=1);

namespace Skillmatch;

use FFI\CData;

/**
 * Owns one library handle: released by close() or, deterministically, when the last PHP reference
 * goes (__destruct). After close() the object passes NULL to the library, which answers with
 * SKM_NULL_ARGUMENT and its message: a NullArgumentException, never a crash.
 */
abstract class Handle
{
    /** The skm_*_free function of this handle type. */
    protected const FREE = '';

    protected ?CData $handle = null;

    /** Releases the handle now; later calls throw NullArgumentException. Safe to call twice. */
    public function close(): void
    {
        if ($this->handle !== null) {
            $handle = $this->handle;
            $this->handle = null;
            Native::lib()->{static::FREE}($handle);
        }
    }

    public function isClosed(): bool
    {
        return $this->handle === null;
    }

    public function __destruct()
    {
        $this->close();
    }

    /** @internal the raw handle (null once closed), for the other classes of this package. */
    public function raw(): ?CData
    {
        return $this->handle;
    }
}
