<?php
declare(strict_types=1);

namespace Skillmatch;

use FFI;
use FFI\CData;
use Skillmatch\Exception\SkillmatchException;

/**
 * The one FFI instance over libskillmatch (src/skillmatch_ffi.h, generated from skillmatch.h) and
 * the helpers every class uses. Internal: the public API is Taxonomy, Engine and Results.
 *
 * The library is found, in order: Native::load($path) called before first use, the environment
 * variable SKILLMATCH_LIBRARY, then the dynamic loader's names libskillmatch.so.0, libskillmatch.so.
 */
final class Native
{
    private static ?FFI $ffi = null;

    /** Loads the library from an explicit path (or the default search when null). */
    public static function load(?string $path = null): FFI
    {
        if (!extension_loaded('ffi')) {
            throw new \RuntimeException('skillmatch: the PHP FFI extension is not loaded (Debian: php8.2-cli ships it)');
        }
        $header = file_get_contents(__DIR__ . '/skillmatch_ffi.h');
        $env = getenv('SKILLMATCH_LIBRARY');
        $candidates = $path !== null ? [$path]
            : (is_string($env) && $env !== '' ? [$env] : ['libskillmatch.so.0', 'libskillmatch.so']);
        $errors = [];
        foreach ($candidates as $candidate) {
            try {
                return self::$ffi = FFI::cdef($header, $candidate);
            } catch (FFI\Exception $e) {
                $errors[] = "$candidate: " . $e->getMessage();
            }
        }
        throw new \RuntimeException('skillmatch: cannot load the library (' . implode('; ', $errors)
            . '); set SKILLMATCH_LIBRARY to libskillmatch.so');
    }

    public static function lib(): FFI
    {
        return self::$ffi ?? self::load();
    }

    /** Throws the exception of `$status` with the library's message, unless it is SKM_OK. */
    public static function check(int $status): void
    {
        if ($status !== 0) {
            $ffi = self::lib();
            throw SkillmatchException::fromStatus($status, $ffi->skm_status_name($status), $ffi->skm_last_error());
        }
    }

    /**
     * A string argument as the C function receives it. null stays null (the library reports
     * SKM_NULL_ARGUMENT naming the parameter); a NUL byte inside is refused here, since C would
     * silently read only the text before it.
     */
    public static function str(?string $value, string $what): ?string
    {
        if ($value !== null && ($at = strpos($value, "\0")) !== false) {
            throw SkillmatchException::fromStatus(1, 'invalid_argument', "$what contains a NUL byte at offset $at");
        }
        return $value;
    }

    /**
     * An owned C copy of a string for a struct field (FFI cannot point a field at a PHP string);
     * the returned CData must stay referenced as long as the struct is used. Null gives null.
     */
    public static function cstring(?string $value, string $what): ?CData
    {
        if ($value === null) {
            return null;
        }
        self::str($value, $what);
        $length = strlen($value);
        $buffer = self::lib()->new('char[' . ($length + 1) . ']');
        FFI::memcpy($buffer, $value, $length);
        $buffer[$length] = "\0";
        return $buffer;
    }

    /** The text of a `const char *` out-parameter ("" for NULL). */
    public static function text(CData $pointer): string
    {
        return FFI::isNull($pointer) ? '' : FFI::string($pointer);
    }

    /** JSON text for a profile or schema given as text or as an array. */
    public static function json(string|array $value, string $what): string
    {
        if (is_string($value)) {
            return $value;
        }
        try {
            return json_encode($value, JSON_THROW_ON_ERROR | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES
                | JSON_PRESERVE_ZERO_FRACTION);
        } catch (\JsonException $e) {
            throw SkillmatchException::fromStatus(1, 'invalid_argument', "$what cannot be encoded as JSON: " . $e->getMessage());
        }
    }
}
