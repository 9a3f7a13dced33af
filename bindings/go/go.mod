module skillmatch/bindings/go

go 1.19
