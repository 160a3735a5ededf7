# Reference outputs of R's eaf package for test/optimize/indicators/attainment.test.ts.
# Run: Rscript test/generate/eaf-reference.R > test/generate/eaf-reference.json
# Inputs are built here from a fixed linear congruential generator (no R RNG, so any R version gives the same
# inputs); each case records its inputs, the eaf package version and R's outputs: attainment surfaces (eafs) at
# all levels, the Vorob'ev threshold, expectation and deviation (vorobT, vorobDev) and the 2-D EAF difference
# rectangles (eafdiff(rectangles = TRUE)).
suppressPackageStartupMessages({ library(eaf); library(jsonlite) })
lcg_state <- 12345
lcg <- function() { lcg_state <<- (1103515245 * lcg_state + 12345) %% 2147483648; lcg_state / 2147483648 }
# one front of `k` points on a noisy simplex-like surface, rounded to 2 decimals (ties across sets happen)
front <- function(k, m, shift) {
  t(sapply(1:k, function(i) {
    w <- sapply(1:m, function(j) lcg()); w <- w / sum(w)
    round(10 * (w + shift + 0.3 * lcg()), 2)
  }))
}
sets_of <- function(nsets, k, m) {
  do.call(rbind, lapply(1:nsets, function(s) cbind(front(k, m, 0.05 * s), s)))
}
case <- function(name, x, reference) {
  m <- ncol(x) - 1
  surf <- eafs(x[, 1:m], x[, m + 1])
  vt <- vorobT(x, reference = reference)
  vd <- vorobDev(x, VE = vt$VE, reference = reference)
  out <- list(name = name, objectives = m, reference = reference,
              points = unname(x[, 1:m]), sets = as.integer(x[, m + 1]),
              surfaces = unname(surf),
              vorobev = list(threshold = vt$threshold, expectation = unname(as.matrix(vt$VE)),
                             avgHypervolume = vt$avg_hyp, deviation = vd))
  if (m == 2) {
    half <- max(x[, 3]) %/% 2
    a <- x[x[, 3] <= half, ]; b <- x[x[, 3] > half, ]; b[, 3] <- b[, 3] - half
    d <- eafdiff(a, b, rectangles = TRUE)
    out$difference <- list(groupA = 1:half, intervals = half, rectangles = unname(d))
  }
  out
}
cases <- list(
  case("2d-4sets", sets_of(4, 6, 2), c(12, 12)),
  case("2d-8sets", sets_of(8, 9, 2), c(12, 12)),
  case("3d-3sets", sets_of(3, 8, 3), c(10, 10, 10)),
  case("3d-5sets", sets_of(5, 12, 3), c(10, 10, 10))
)
cat(toJSON(list(generator = "test/generate/eaf-reference.R", package = "eaf",
                version = as.character(packageVersion("eaf")), r = R.version.string, cases = cases),
           digits = NA, auto_unbox = TRUE, pretty = FALSE), "\n")
