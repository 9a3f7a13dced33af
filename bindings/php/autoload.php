<?php
// Autoloader for use without Composer: require 'bindings/php/autoload.php'; (Composer users get the
// same mapping from composer.json's PSR-4 entry.)
declare(strict_types=1);

spl_autoload_register(static function (string $class): void {
    if (str_starts_with($class, 'Skillmatch\\')) {
        $file = __DIR__ . '/src/' . str_replace('\\', '/', substr($class, strlen('Skillmatch\\'))) . '.php';
        if (is_file($file)) {
            require $file;
        }
    }
});
