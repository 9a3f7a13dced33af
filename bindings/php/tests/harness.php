<?php
// A tiny test harness for the plain-php tests (PHPUnit is not packaged in Debian 12's main PHP set):
// test('name', fn) runs one case; the check_* helpers throw on failure; finish() prints a summary
// and sets the exit status, which ctest reads.
declare(strict_types=1);

require __DIR__ . '/../autoload.php';

final class CheckFailed extends Exception
{
}

$GLOBALS['skm_failures'] = 0;
$GLOBALS['skm_passed'] = 0;

function test(string $name, callable $body): void
{
    try {
        $body();
        $GLOBALS['skm_passed']++;
        echo "ok   $name\n";
    } catch (Throwable $e) {
        $GLOBALS['skm_failures']++;
        echo "FAIL $name: " . get_class($e) . ': ' . $e->getMessage() . "\n    at " . $e->getFile() . ':' . $e->getLine() . "\n";
    }
}

function check(bool $condition, string $what): void
{
    if (!$condition) {
        throw new CheckFailed($what);
    }
}

function check_same(mixed $expected, mixed $actual, string $what = 'value'): void
{
    if ($expected !== $actual) {
        throw new CheckFailed("$what: expected " . var_export($expected, true) . ', got ' . var_export($actual, true));
    }
}

/** Runs $body, which must throw $class with a message containing $needle; returns the exception. */
function check_throws(string $class, string $needle, callable $body): Throwable
{
    try {
        $body();
    } catch (Throwable $e) {
        if (!($e instanceof $class)) {
            throw new CheckFailed("expected $class, got " . get_class($e) . ': ' . $e->getMessage());
        }
        if (!str_contains($e->getMessage(), $needle)) {
            throw new CheckFailed("expected a message containing '$needle', got '" . $e->getMessage() . "'");
        }
        return $e;
    }
    throw new CheckFailed("expected $class, nothing was thrown");
}

function finish(): never
{
    echo "{$GLOBALS['skm_passed']} passed, {$GLOBALS['skm_failures']} failed\n";
    exit($GLOBALS['skm_failures'] === 0 ? 0 : 1);
}
