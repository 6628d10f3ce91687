app_name = "evaluatie"
urlpatterns: list = []
