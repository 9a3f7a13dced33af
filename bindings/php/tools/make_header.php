<?php
// Writes src/skillmatch_ffi.h, the C ABI header as PHP's FFI::cdef() reads it: no preprocessor
// lines, no comments, no SKM_API, no extern "C". Usage: php tools/make_header.php [--check]
// (--check: exit 1 when the checked-in file differs from what skillmatch.h gives; run by ctest).
declare(strict_types=1);

$source = __DIR__ . '/../../../include/skillmatch/skillmatch.h';
$target = __DIR__ . '/../src/skillmatch_ffi.h';

$text = file_get_contents($source);
if ($text === false) {
    fwrite(STDERR, "make_header: cannot read $source\n");
    exit(2);
}
$text = preg_replace('#/\*.*?\*/#s', '', $text);          // block comments
$out = [];
$skip = 0;                                                 // inside #ifdef __cplusplus
foreach (explode("\n", $text) as $line) {
    $trimmed = trim($line);
    if (str_starts_with($trimmed, '#')) {
        if (preg_match('/^#\s*ifdef\s+__cplusplus/', $trimmed)) {
            $skip++;
        } elseif ($skip > 0 && preg_match('/^#\s*endif/', $trimmed)) {
            $skip--;
        }
        continue;
    }
    if ($skip > 0 || $trimmed === '') {
        continue;
    }
    $line = preg_replace('/\bSKM_API\s+/', '', $line);
    $line = rtrim(preg_replace('#//.*$#', '', $line));
    if ($line !== '') {
        $out[] = $line;
    }
}
$header = "/* Generated from include/skillmatch/skillmatch.h by bindings/php/tools/make_header.php; do not edit. */\n"
    . implode("\n", $out) . "\n";

if (in_array('--check', $argv, true)) {
    $current = @file_get_contents($target);
    if ($current !== $header) {
        fwrite(STDERR, "make_header: $target is out of date with skillmatch.h; run: php bindings/php/tools/make_header.php\n");
        exit(1);
    }
    echo "make_header: src/skillmatch_ffi.h matches skillmatch.h\n";
    exit(0);
}
file_put_contents($target, $header);
echo "make_header: wrote $target\n";
