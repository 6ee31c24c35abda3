# Load every CSV resource of the data package in R, as an R user would, and check it.
#
#   Rscript scripts/check_r.R [datapackage.json]
#
# Column types come from each resource's Table Schema (string -> character, integer ->
# integer, number -> double, boolean -> logical, date -> Date); empty cells are NA, the
# schemas' only missing value. For each resource: readr reports no parsing problem, the
# columns are the schema's fields in order, the row count equals the count of records read
# by base R's own CSV parser, primary-key columns have no NA and no duplicate, and every
# foreign key resolves. Prints one summary line per resource; exits 1 on any failure.
suppressPackageStartupMessages({
  library(jsonlite)
  library(readr)
})

args <- commandArgs(trailingOnly = TRUE)
descriptor_path <- if (length(args) > 0) args[[1]] else "datapackage.json"
descriptor <- fromJSON(descriptor_path, simplifyVector = FALSE)
base <- dirname(descriptor_path)
type_codes <- c(string = "c", integer = "i", number = "d", boolean = "l", date = "D")
failures <- character(0)
fail <- function(...) failures <<- c(failures, paste0(...))

col_types_for <- function(schema) {
  codes <- vapply(schema$fields, function(field) {
    code <- type_codes[field$type]
    if (is.na(code)) "c" else unname(code)  # types R has no column type for are read as text
  }, character(1))
  paste(codes, collapse = "")
}

key_of <- function(table, fields) do.call(paste, c(unname(as.list(table[fields])), sep = "\r"))

tables <- list()
for (resource in descriptor$resources) {
  schema <- resource$schema
  path <- file.path(base, resource$path)
  names <- vapply(schema$fields, function(field) field$name, character(1))
  table <- read_csv(path, col_types = col_types_for(schema), na = "", locale = locale(encoding = "UTF-8"),
                    progress = FALSE, show_col_types = FALSE)
  tables[[resource$name]] <- table
  if (nrow(problems(table)) > 0) fail(resource$name, ": ", nrow(problems(table)), " parsing problems")
  if (!identical(colnames(table), names)) fail(resource$name, ": columns differ from the schema's fields")
  records <- nrow(read.csv(path, colClasses = "character", na.strings = character(0), encoding = "UTF-8"))
  if (nrow(table) != records) fail(resource$name, ": readr read ", nrow(table), " rows, base R ", records)
  primary <- unlist(schema$primaryKey)
  if (length(primary) > 0) {
    if (anyNA(table[primary])) fail(resource$name, ": a primary-key cell is missing")
    if (anyDuplicated(key_of(table, primary)) > 0) fail(resource$name, ": duplicate primary key")
  }
  cat(sprintf("%s: %d rows, %d columns (%s), key %s\n", resource$name, nrow(table), ncol(table),
              col_types_for(schema), paste(primary, collapse = "+")))
}

for (resource in descriptor$resources) {
  for (foreign in resource$schema$foreignKeys) {
    target <- if (identical(foreign$reference$resource, "")) resource$name else foreign$reference$resource
    fields <- unlist(foreign$fields)
    child <- tables[[resource$name]]
    present <- child[rowSums(is.na(child[fields])) < length(fields), ]  # all-empty keys are not references
    missing <- !(key_of(present, fields) %in% key_of(tables[[target]], unlist(foreign$reference$fields)))
    if (any(missing)) fail(resource$name, ": ", sum(missing), " rows whose ", paste(fields, collapse = "+"),
                           " is not in ", target)
  }
}

if (length(failures) > 0) {
  cat(paste0("FAIL ", failures, "\n"), sep = "")
  quit(status = 1)
}
cat(sprintf("R %s, readr %s: %d resources read, keys checked\n", getRversion(), packageVersion("readr"),
            length(descriptor$resources)))
